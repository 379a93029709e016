// Bumped with each release; shown by /api/health.
export const VERSION = "0.1.0";
