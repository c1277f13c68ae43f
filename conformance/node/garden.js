// Starts the real Garden (./garden serve) for a test file, the way a user would, and stops it afterwards.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
export const MODEL = "huggingfacetb/smollm2-135m-instruct";

export async function startGarden() {
  const home = mkdtempSync(join(tmpdir(), "garden-home-"));
  const portFile = join(home, "port");
  const log = openSync(join(home, "server.log"), "w");
  const server = spawn(join(REPO, "garden"), ["serve", "--port", "0", "--port-file", portFile], {
    env: { ...process.env, GARDEN_HOME: home, GARDEN_CACHE: process.env.GARDEN_CACHE ?? join(REPO, ".cache") },
    stdio: ["ignore", log, log],
  });
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`garden exited with ${server.exitCode}:\n${readFileSync(join(home, "server.log"), "utf8")}`);
    }
    if (existsSync(portFile) && readFileSync(portFile, "utf8").trim()) {
      const url = `http://127.0.0.1:${readFileSync(portFile, "utf8").trim()}`;
      try {
        if ((await fetch(`${url}/readyz`)).ok) {
          return {
            url,
            home,
            adminKeyFile: join(home, "credentials", "garden-admin.json"),
            stop: () => new Promise((done) => { server.once("exit", done); server.kill("SIGTERM"); }),
          };
        }
      } catch {
        // not listening yet
      }
    }
    await new Promise((tick) => setTimeout(tick, 200));
  }
  server.kill("SIGKILL");
  throw new Error("garden did not become ready");
}
