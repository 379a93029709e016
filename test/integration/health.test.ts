import { describe, expect, it } from "vitest";
import { TestClient } from "../helpers/client";

describe("GET /api/health", () => {
  it("answers ok with a version when D1 answers", async () => {
    const res = await new TestClient().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("answers unknown API paths with the error shape", async () => {
    const res = await new TestClient().get("/api/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
