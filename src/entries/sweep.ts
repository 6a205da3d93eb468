/** Entry points for the sweep area. */
export {};
