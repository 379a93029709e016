export const nowIso = () => new Date().toISOString();
export const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
export const DAY = 24 * 60 * 60;
