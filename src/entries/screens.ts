/** Entry points for the screens area. */
export {};
