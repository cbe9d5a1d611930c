/** The viewer module's public API: nothing yet; it only adds the `viewer` query. */
export {};
