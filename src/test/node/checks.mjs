// What the client scripts share: one printed line per check, bounded waits, and events recorded from the moment a
// socket exists (a server may emit before the script gets to listen).
import assert from "node:assert/strict";

let failed = false;

/** Runs one check; prints "ok - name" or "FAIL - name: why". After a failure the remaining checks are skipped. */
export async function check(name, body) {
  if (failed) {
    console.log(`skip - ${name}`);
    return undefined;
  }
  try {
    const value = await body(assert);
    console.log(`ok - ${name}`);
    return value;
  } catch (e) {
    failed = true;
    console.log(`FAIL - ${name}: ${e && e.stack ? e.stack : e}`);
    return undefined;
  }
}

export function anyFailed() {
  return failed;
}

/** The promise, or a rejection naming what was awaited once `ms` have passed. */
export function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Fails the whole script if it has not finished by then (a hung socket must not hang the build). */
export function watchdog(ms) {
  const timer = setTimeout(() => {
    console.log(`FAIL - the script did not finish within ${ms} ms`);
    process.exit(1);
  }, ms);
  return () => clearTimeout(timer);
}

/** Every event a socket receives, in order, with waits for the next one that matches. */
export class Recorder {
  constructor(socket) {
    this.events = [];
    this.waiters = new Set();
    socket.onAny((name, ...args) => this.add(name, args));
    for (const name of ["connect", "connect_error", "disconnect"]) {
      socket.on(name, (...args) => this.add(name, args));
    }
  }

  add(name, args) {
    this.events.push({ name, args });
    for (const waiter of [...this.waiters]) {
      waiter();
    }
  }

  /** Where the record is now: a later wait with `after: mark()` only looks at events from here on. */
  mark() {
    return this.events.length;
  }

  /** The first event called `name` at or after index `after` whose first argument satisfies `test`. */
  waitFor(name, { test = () => true, after = 0, ms = 10000 } = {}) {
    const find = () => this.events.slice(after).find((e) => e.name === name && test(e.args[0]));
    let waiter;
    const found = new Promise((resolve) => {
      waiter = () => {
        const event = find();
        if (event) {
          resolve(event.args[0]);
        }
      };
      this.waiters.add(waiter);
      waiter();
    });
    const seen = () => this.events.slice(after).filter((e) => e.name === name).map((e) => JSON.stringify(e.args[0]));
    return within(ms, `"${name}"`, found)
      .catch((e) => {
        throw new Error(`${e.message}; seen by then: ${seen().join(" | ") || "none"}`);
      })
      .finally(() => this.waiters.delete(waiter));
  }

  named(name, after = 0) {
    return this.events.slice(after).filter((e) => e.name === name);
  }
}
