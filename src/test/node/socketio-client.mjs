// socket.io-client 4.8.1 against Echos' /socket.io/ with Echos' own events: auth.token at CONNECT, message.send
// with an ack, message.new to the other member, ping, an unknown event, a bad token.
// Usage: node socketio-client.mjs <baseUrl>; exit 0 only when every check passed.
import axios from "axios";
import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";
import { anyFailed, check, Recorder, sleep, watchdog, within } from "./checks.mjs";

const base = (process.argv[2] || "").replace(/\/$/, "");
if (!base) {
  console.log("usage: node socketio-client.mjs <baseUrl>");
  process.exit(2);
}
const stopWatchdog = watchdog(60000);
const http = axios.create({ baseURL: base, timeout: 10000, validateStatus: () => true, headers: { Origin: base } });
const sockets = [];

function connectedSocket(options) {
  const socket = io(base, options);
  sockets.push(socket);
  return { socket, events: new Recorder(socket) };
}

async function signUp(assert, name) {
  const email = `${name.toLowerCase()}-${randomUUID()}@example.com`;
  const r = await http.post("/api/auth/signup", { fullName: name, email, password: "correct horse battery" });
  assert.equal(r.status, 201, `signup ${name}: ${r.status} ${JSON.stringify(r.data)}`);
  assert.ok(r.data.token, "signup answer has a token");
  assert.ok(r.data.user && r.data.user.id, "signup answer has user.id");
  return { id: r.data.user.id, token: r.data.token };
}

try {
  const a = await check("sign up user A", (assert) => signUp(assert, "Ada"));
  const b = await check("sign up user B", (assert) => signUp(assert, "Bob"));

  const conversationId = await check("A creates the direct conversation with B", async (assert) => {
    const r = await http.post("/api/conversations/direct", { userId: b.id }, { headers: { Authorization: `Bearer ${a.token}` } });
    assert.equal(r.status, 201, `${r.status} ${JSON.stringify(r.data)}`);
    return r.data.conversation.id;
  });

  let alice;
  const upgrade = { first: null, errors: [] };
  await check("A connects with auth.token over polling first", async (assert) => {
    alice = connectedSocket({ auth: { token: a.token } });
    alice.socket.io.on("open", () => {
      const engine = alice.socket.io.engine;
      upgrade.first = engine.transport.name;
      upgrade.done = new Promise((resolve) => engine.once("upgrade", resolve));
      engine.on("upgradeError", (e) => upgrade.errors.push(String(e && e.message)));
    });
    await alice.events.waitFor("connect");
    assert.equal(upgrade.first, "polling", "the first transport");
    assert.ok(alice.socket.connected);
  });

  await check("A's transport is upgraded to websocket", async (assert) => {
    const engine = alice.socket.io.engine;
    if (engine.transport.name !== "websocket") {
      await within(10000, `the engine upgrade (upgrade errors: ${upgrade.errors.join(", ") || "none"})`, upgrade.done);
    }
    assert.equal(engine.transport.name, "websocket");
  });

  let bob;
  await check("B connects with transports [websocket] only", async (assert) => {
    bob = connectedSocket({ auth: { token: b.token }, transports: ["websocket"] });
    await bob.events.waitFor("connect");
    assert.equal(bob.socket.io.engine.transport.name, "websocket");
  });

  const clientId = randomUUID();
  const ack = await check("A's message.send is acked with the stored message, seq 1", async (assert) => {
    const reply = await within(10000, "the message.send ack", alice.socket.emitWithAck("message.send", { conversationId, clientId, text: "hello over socket.io" }));
    assert.equal(reply.error, undefined, `refused: ${JSON.stringify(reply)}`);
    assert.equal(reply.clientId, clientId);
    assert.equal(reply.message.seq, 1);
    assert.equal(reply.message.text, "hello over socket.io");
    assert.equal(reply.message.senderId, a.id);
    assert.equal(reply.message.conversationId, conversationId);
    return reply;
  });

  await check("B receives message.new for it, as a direct message", async (assert) => {
    const data = await bob.events.waitFor("message.new", { test: (d) => d && d.message && d.message.id === ack.message.id });
    assert.equal(data.message.seq, 1);
    assert.equal(data.message.text, "hello over socket.io");
    assert.equal(data.conversationType, "direct");
  });

  await check("a bad token gives connect_error with a message and no connect", async (assert) => {
    const bad = connectedSocket({ auth: { token: "not-a-token" } });
    const error = await bad.events.waitFor("connect_error");
    assert.equal(typeof error.message, "string");
    assert.ok(error.message.length > 0, "the connect_error message is not empty");
    await sleep(2000); // long enough for a connect that was going to follow (the good ones above took milliseconds)
    assert.equal(bad.events.named("connect").length, 0, "connected after connect_error");
    assert.equal(bad.socket.connected, false);
  });

  await check("ping is acked with {}", async (assert) => {
    const reply = await within(10000, "the ping ack", alice.socket.emitWithAck("ping", {}));
    assert.deepEqual(reply, {});
  });

  await check("an unknown event is acked with error unknown_type", async (assert) => {
    const reply = await within(10000, "the unknown event's ack", alice.socket.emitWithAck("no.such.event", {}));
    assert.equal(reply.error && reply.error.code, "unknown_type", JSON.stringify(reply));
    assert.equal(typeof reply.error.message, "string");
  });
} finally {
  for (const socket of sockets) {
    socket.close();
  }
  stopWatchdog();
}
process.exitCode = anyFailed() ? 1 : 0;
