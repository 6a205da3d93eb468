/** Entry points for the report area. */
export {};
