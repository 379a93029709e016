// Durable events go through the project's ProjectRoom, which numbers, stores and broadcasts them.
import type { DocumentDto } from "../../protocol/documents";
import { log } from "../lib/log";
import { projectRoom } from "./room";

export type DocumentEvent =
  | { type: "document.created" | "document.updated" | "document.deleted"; document: DocumentDto }
  | {
      type: "document.status";
      documentId: string;
      status: DocumentDto["status"];
      progress: DocumentDto["progress"];
      error: DocumentDto["error"];
    };

/**
 * Publishes a durable event. D1 already holds the truth, so a failed broadcast is logged and
 * does not fail the request: clients that miss it resync from the API.
 */
export async function publishEvent(env: Env, projectId: string, event: DocumentEvent): Promise<void> {
  try {
    await projectRoom(env, projectId).publish(event);
  } catch (error) {
    log("event.publish_failed", { projectId, type: event.type, outcome: "error", message: String(error) });
  }
}

export function statusEvent(document: DocumentDto): DocumentEvent {
  return { type: "document.status", documentId: document.id, status: document.status, progress: document.progress, error: document.error };
}
