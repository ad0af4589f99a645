// Stays connected through a server restart: socket.io-client's own reconnection, then `sync` from the highest seq
// it has, as a client must after every reconnect (docs/protocol.md). Messages arrive live or through sync; a seq
// seen twice counts once. Driven over stdin by SocketIoRestartClusterIT:
//   prints "ready" once connected;  reads "expect N": exits 0 printing "ok" once it holds exactly seqs 1..N of the
//   conversation, or exits 1 naming what is missing after 30 s.
// Usage: node reconnect-client.mjs <baseUrl> <token> <conversationId>
import { createInterface } from "node:readline";
import { io } from "socket.io-client";

const [base, token, conversationId] = process.argv.slice(2);
if (!base || !token || !conversationId) {
  console.log("usage: node reconnect-client.mjs <baseUrl> <token> <conversationId>");
  process.exit(2);
}
const hardStop = setTimeout(() => {
  console.log("FAIL - no verdict within 120 s");
  process.exit(1);
}, 120000);

const seqs = new Set();
let connects = 0;
const highest = () => (seqs.size === 0 ? 0 : Math.max(...seqs));
const socket = io(base, { auth: { token }, transports: ["websocket"], reconnectionDelay: 200, reconnectionDelayMax: 1000 });

function take(message) {
  if (message && message.conversationId === conversationId) {
    seqs.add(message.seq);
  }
}

async function sync() {
  // one page at a time until the server says there is no more
  for (let page = 0; page < 100; page++) {
    const done = await socket.timeout(10000).emitWithAck("sync", { positions: { [conversationId]: { seq: highest() } } });
    if (done.error) {
      console.log(`sync refused: ${JSON.stringify(done.error)}`);
      return;
    }
    if (!done.more) {
      return;
    }
  }
}

socket.on("message.new", ({ message }) => take(message));
socket.on("connect", async () => {
  connects++;
  console.log(`connected (${connects})`);
  try {
    await sync();
  } catch (e) {
    console.log(`sync failed: ${e.message}`);
  }
  if (connects === 1) {
    console.log("ready");
  }
});
socket.on("disconnect", (reason) => console.log(`disconnected: ${reason}`));
socket.on("connect_error", (e) => console.log(`connect_error: ${e.message}`));

createInterface({ input: process.stdin }).on("line", (line) => {
  const m = /^expect (\d+)$/.exec(line.trim());
  if (!m) {
    return;
  }
  const n = Number(m[1]);
  const deadline = Date.now() + 30000;
  const verdict = setInterval(() => {
    const complete = seqs.size === n && [...seqs].every((s) => s >= 1 && s <= n);
    if (complete) {
      console.log(`ok: seqs 1..${n}, each once, after ${connects} connects`);
      finish(0);
    } else if (Date.now() > deadline) {
      const missing = [];
      for (let s = 1; s <= n; s++) if (!seqs.has(s)) missing.push(s);
      console.log(`FAIL - missing seqs ${missing.join(",") || "none"}; extra ${[...seqs].filter((s) => s > n).join(",") || "none"}`);
      finish(1);
    }
  }, 500);
  function finish(code) {
    clearInterval(verdict);
    clearTimeout(hardStop);
    socket.close();
    process.exitCode = code;
    setTimeout(() => process.exit(code), 100);
  }
});
