// `npm run dev`: build the client, migrate the local D1, serve everything at http://localhost:8787.
import { buildClient, startServer } from "./server.mjs";

buildClient({ force: true });
const server = await startServer({ port: Number(process.env.PORT ?? 8787) });
console.log(`\n  Scrollkeeper is running at http://localhost:${process.env.PORT ?? 8787}\n  Emails sent locally: http://localhost:${process.env.PORT ?? 8787}/api/dev/outbox\n`);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.stop();
    process.exit(0);
  });
}
server.child.on("exit", (code) => process.exit(code ?? 0));
