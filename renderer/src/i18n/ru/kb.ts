export const kb = {};
