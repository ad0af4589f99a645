// A client written from Chatty's contract alone (../../../../shared/docs/chatty-contract.md sections 1-3), doing
// what Chatty's React frontend does with axios and socket.io-client: sign up, check, list users, connect with
// query {userId}, send text and an image, see them arrive as newMessage, read the history, see presence.
// The browser's cookie jar is played by hand: the jwt cookie from Set-Cookie goes back as a Cookie header.
// Usage: node chatty-client.mjs <baseUrl>; exit 0 only when every check passed.
import axios from "axios";
import { randomUUID } from "node:crypto";
import { deflateSync } from "node:zlib";
import { io } from "socket.io-client";
import { anyFailed, check, Recorder, watchdog } from "./checks.mjs";

const base = (process.argv[2] || "").replace(/\/$/, "");
if (!base) {
  console.log("usage: node chatty-client.mjs <baseUrl>");
  process.exit(2);
}
const stopWatchdog = watchdog(60000);
const api = axios.create({ baseURL: `${base}/api`, timeout: 10000, validateStatus: () => true, headers: { Origin: base } });
const sockets = [];

function cookieOf(response) {
  const jwt = (response.headers["set-cookie"] || []).map((c) => c.split(";")[0]).find((c) => c.startsWith("jwt="));
  return jwt;
}

/** A 2x2 red PNG, made here, as FileReader.readAsDataURL would give it. */
function pngDataUrl() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString("base64")}`;
}

async function signUp(assert, fullName) {
  const r = await api.post("/auth/signup", { fullName, email: `${fullName.toLowerCase()}-${randomUUID()}@example.com`, password: "correct horse battery" });
  assert.equal(r.status, 201, `${r.status} ${JSON.stringify(r.data)}`);
  for (const key of ["_id", "fullName", "email", "profilePic"]) {
    assert.ok(key in r.data, `signup answer has ${key}`);
  }
  const cookie = cookieOf(r);
  assert.ok(cookie, "signup sets the jwt cookie");
  return { authUser: r.data, cookie };
}

function connectSocket(user) {
  // useAuthStore.connectSocket: io(BASE_URL, {query: {userId: authUser._id}}); the browser adds the cookie
  const socket = io(base, { query: { userId: user.authUser._id }, extraHeaders: { Cookie: user.cookie } });
  sockets.push(socket);
  return { socket, events: new Recorder(socket) };
}

try {
  const ann = await check("Ann signs up (201, U4 fields, jwt cookie)", (assert) => signUp(assert, "Ann"));
  const bob = await check("Bob signs up", (assert) => signUp(assert, "Bob"));

  await check("GET /api/auth/check gives the full user with createdAt", async (assert) => {
    const r = await api.get("/auth/check", { headers: { Cookie: ann.cookie } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.equal(r.data._id, ann.authUser._id);
    assert.ok(String(r.data.createdAt).includes("T"), `createdAt ${r.data.createdAt}`);
    assert.equal(r.data.password, undefined, "no password hash");
  });

  await check("GET /api/auth/check without the cookie is refused (logged out)", async (assert) => {
    const r = await api.get("/auth/check");
    assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
    assert.equal(typeof r.data.message, "string", "the toast text is in message");
  });

  let annIo;
  let bobIo;
  await check("both connect with query {userId} and the cookie, and see themselves online", async (assert) => {
    annIo = connectSocket(ann);
    bobIo = connectSocket(bob);
    const annOnline = await annIo.events.waitFor("getOnlineUsers");
    const bobOnline = await bobIo.events.waitFor("getOnlineUsers");
    assert.ok(annOnline.includes(ann.authUser._id), JSON.stringify(annOnline));
    assert.ok(bobOnline.includes(bob.authUser._id), JSON.stringify(bobOnline));
  });

  await check("GET /api/messages/users lists Bob for Ann, not Ann herself", async (assert) => {
    const r = await api.get("/messages/users", { headers: { Cookie: ann.cookie } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    const ids = r.data.map((u) => u._id);
    assert.ok(ids.includes(bob.authUser._id));
    assert.ok(!ids.includes(ann.authUser._id));
    const bobListed = r.data.find((u) => u._id === bob.authUser._id);
    assert.equal(bobListed.fullName, "Bob");
  });

  const annMark = annIo.events.mark();
  const bobMark = bobIo.events.mark();
  const hello = await check("Ann's text reaches Bob as newMessage with her _id as senderId", async (assert) => {
    const r = await api.post(`/messages/send/${bob.authUser._id}`, { text: "hi Bob", image: null }, { headers: { Cookie: ann.cookie } });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    assert.equal(r.data.senderId, ann.authUser._id);
    assert.equal(r.data.receiverId, bob.authUser._id);
    const live = await bobIo.events.waitFor("newMessage", { after: bobMark, test: (m) => m._id === r.data._id });
    assert.equal(live.senderId, ann.authUser._id);
    assert.equal(live.text, "hi Bob");
    assert.ok(String(live.createdAt).includes("T"));
    return r.data;
  });

  const picture = await check("Bob's image reply reaches Ann as newMessage with an image URL she can load", async (assert) => {
    const r = await api.post(`/messages/send/${ann.authUser._id}`, { text: "", image: pngDataUrl() }, { headers: { Cookie: bob.cookie } });
    assert.equal(r.status, 201, JSON.stringify(r.data));
    const live = await annIo.events.waitFor("newMessage", { after: annMark, test: (m) => m._id === r.data._id });
    assert.equal(live.senderId, bob.authUser._id);
    assert.equal(typeof live.image, "string");
    const image = await axios.get(new URL(live.image, base).toString(), { headers: { Cookie: ann.cookie }, responseType: "arraybuffer", validateStatus: () => true });
    assert.equal(image.status, 200, `GET ${live.image}`);
    assert.ok(image.data.byteLength > 0);
    return r.data;
  });

  await check("a sender's own tab gets no newMessage for what it sent", async (assert) => {
    assert.equal(annIo.events.named("newMessage", annMark).filter((e) => e.args[0]._id === hello._id).length, 0);
  });

  await check("after the reply they see each other online", async (assert) => {
    await annIo.events.waitFor("getOnlineUsers", { test: (ids) => ids.includes(bob.authUser._id) });
    await bobIo.events.waitFor("getOnlineUsers", { test: (ids) => ids.includes(ann.authUser._id) });
    assert.ok(true);
  });

  await check("GET /api/messages/:id gives both messages oldest first", async (assert) => {
    const r = await api.get(`/messages/${bob.authUser._id}`, { headers: { Cookie: ann.cookie } });
    assert.equal(r.status, 200, JSON.stringify(r.data));
    assert.deepEqual(r.data.map((m) => m._id), [hello._id, picture._id]);
    assert.equal(r.data[0].senderId, ann.authUser._id);
    assert.equal(r.data[1].senderId, bob.authUser._id);
  });

  await check("when Bob disconnects, Ann's list drops him", async (assert) => {
    const mark = annIo.events.mark();
    bobIo.socket.disconnect();
    const online = await annIo.events.waitFor("getOnlineUsers", { after: mark, ms: 15000, test: (ids) => !ids.includes(bob.authUser._id) });
    assert.ok(online.includes(ann.authUser._id), "her own id stays in the list");
  });

  await check("POST /api/auth/logout clears the cookie", async (assert) => {
    const r = await api.post("/auth/logout", undefined, { headers: { Cookie: ann.cookie } });
    assert.ok(r.status >= 200 && r.status < 300, `status ${r.status}`);
    const cleared = (r.headers["set-cookie"] || []).find((c) => c.startsWith("jwt="));
    assert.ok(cleared && /Max-Age=0/i.test(cleared), `Set-Cookie ${cleared}`);
  });
} finally {
  for (const socket of sockets) {
    socket.close();
  }
  stopWatchdog();
}
process.exitCode = anyFailed() ? 1 : 0;
