/** Who the signed-in user is, for the records they make (Documented By, Recorded By, Coaching Log rows). */

/** What the records say when nobody is signed in (a trigger run, or a user outside the domain). */
export const SCRIPT_DOCUMENTER = 'ESP Licensing Tracker';

/** The signed-in user's address, or the script's name when Google gives none. */
export function documenter(): string {
  return Session.getActiveUser().getEmail() || SCRIPT_DOCUMENTER;
}
