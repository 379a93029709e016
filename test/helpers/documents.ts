import { expect } from "vitest";
import type { TestClient } from "./client";

export async function uploadPdf(client: TestClient, projectId: string, bytes: Uint8Array, filename = "paper.pdf") {
  const response = await client.fetch(`/api/projects/${projectId}/documents`, {
    method: "POST",
    headers: { "Content-Type": "application/pdf", "X-Filename": encodeURIComponent(filename) },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Polls the document until it leaves queued/parsing (the real queue consumer runs in tests). */
export async function waitForParse(client: TestClient, projectId: string, documentId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/projects/${projectId}/documents/${documentId}`);
    expect(res.status).toBe(200);
    const doc = res.body.document;
    if (doc.status === "parsed" || doc.status === "failed") return doc;
    if (Date.now() > deadline) throw new Error(`document still ${doc.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
