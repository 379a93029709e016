// One ProjectRoom per project: the single writer for the project's page texts, annotations,
// comments and seq-numbered event log, and the hub of its WebSockets. Lifecycle only here;
// what each message does lives in plain functions beside this file.
import { DurableObject } from "cloudflare:workers";

export class ProjectRoom extends DurableObject<Env> {
  /** Closes every socket a removed member holds. */
  async disconnectUser(userId: string): Promise<number> {
    let closed = 0;
    for (const ws of this.ctx.getWebSockets(`user:${userId}`)) {
      ws.close(4003, "You are no longer a member of this project.");
      closed++;
    }
    return closed;
  }

  /** Wipes the room's storage when its project is deleted. */
  async destroy(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) ws.close(4004, "This project was deleted.");
    await this.ctx.storage.deleteAll();
  }
}
