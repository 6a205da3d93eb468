/**
 * Fake `Session`. The active user is settable: an empty email models a simple trigger (or a user in
 * another domain) where Apps Script does not reveal who is at the keyboard.
 */
import type { Meter } from './meter';

export class FakeUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly meter: Meter,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.meter.call('Session', 'getEmail');
    return this.email;
  }

  /** @deprecated Apps Script keeps it for old scripts. */
  getUserLoginId(): string {
    this.meter.call('Session', 'getUserLoginId');
    return this.email;
  }
}

export interface FakeSessionOptions {
  meter: Meter;
  /** The person at the keyboard; '' = unknown (simple trigger). Default lead@example.com. */
  activeUser?: string;
  /** Whom the script runs as (the installer of an installable trigger). Default: the active user. */
  effectiveUser?: string;
  /** appsscript.json `timeZone`. Default America/Denver. */
  timeZone?: string;
}

export class FakeSession implements Pick<
  GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'
> {
  private readonly meter: Meter;
  private active: string;
  private effective: string;
  private timeZone: string;

  constructor(options: FakeSessionOptions) {
    this.meter = options.meter;
    this.active = options.activeUser ?? 'lead@example.com';
    this.effective = options.effectiveUser ?? (this.active || 'lead@example.com');
    this.timeZone = options.timeZone ?? 'America/Denver';
  }

  // ---- non-API helpers for the harness -------------------------------------------------------------

  /** '' simulates a simple trigger / cross-domain user whose email Apps Script withholds. */
  setActiveUser(email: string): void {
    this.active = email;
  }

  /** A person opens the file and acts (menu, sidebar): they are both the active and effective user. */
  actAs(email: string): void {
    this.active = email;
    this.effective = email;
  }

  setEffectiveUser(email: string): void {
    this.effective = email;
  }

  /** The active user's email without metering (for other fakes and the harness). */
  get activeEmail(): string {
    return this.active;
  }

  get effectiveEmail(): string {
    return this.effective;
  }

  // ---- API -----------------------------------------------------------------------------------------

  getActiveUser(): FakeUser {
    this.meter.call('Session', 'getActiveUser');
    return new FakeUser(this.meter, this.active);
  }

  getEffectiveUser(): FakeUser {
    this.meter.call('Session', 'getEffectiveUser');
    return new FakeUser(this.meter, this.effective);
  }

  getScriptTimeZone(): string {
    this.meter.call('Session', 'getScriptTimeZone');
    return this.timeZone;
  }

  /** Stable per user, opaque, and not the email (like the real key). */
  getTemporaryActiveUserKey(): string {
    this.meter.call('Session', 'getTemporaryActiveUserKey');
    let h = 2166136261;
    for (const ch of this.active) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return `tmpkey-${h.toString(36)}`;
  }
}
