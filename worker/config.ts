// Typed reading of the vars in wrangler.toml, with the defaults the contract names.

function int(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function config(env: Env) {
  return {
    environment: env.ENVIRONMENT,
    isProduction: env.ENVIRONMENT === "production",
    appUrl: env.APP_URL.replace(/\/+$/, ""),
    emailFrom: env.EMAIL_FROM,
    pbkdf2Iterations: int(env.PBKDF2_ITERATIONS, 100_000),
    maxUploadBytes: int(env.MAX_UPLOAD_BYTES, 95 * 1024 * 1024),
    maxPages: int(env.MAX_PAGES, 2000),
    pagesPerChunk: int(env.PARSE_PAGES_PER_CHUNK, 50),
    parseTimeCapMs: int(env.PARSE_TIME_CAP_MS, 120_000),
    maxParallelUploadsPerUser: int(env.MAX_PARALLEL_UPLOADS_PER_USER, 6),
    maxSocketsPerUserTotal: int(env.MAX_SOCKETS_PER_USER_TOTAL, 30),
    admins: env.ADMIN_EMAILS.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean),
  };
}

export const SESSION_COOKIE = "sk_session";
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
