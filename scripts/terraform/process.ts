import { type ChildProcess, spawn } from "node:child_process";

/** How one child process ended, with everything it printed. */
export interface ProcessResult {
  /** The command line, for messages. */
  readonly command: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the process was killed for running longer than its timeout. */
  readonly timedOut: boolean;
  readonly durationMs: number;
}

export interface SpawnOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Kill the process (and the plugins it started) after this long. */
  readonly timeoutMs: number;
}

/** A child process that keeps running until its stdin is closed or it is stopped. */
export interface RunningProcess {
  readonly child: ChildProcess;
  /** Resolves when the process has exited, whatever the reason. */
  readonly exited: Promise<ProcessResult>;
  /** Close stdin: interactive commands such as `terraform console` end on EOF. */
  closeStdin(): void;
  /** Terminate the whole process group (terraform and its provider plugins) and wait for the exit. */
  stop(): Promise<ProcessResult>;
}

const KILL_GRACE_MS = 5_000;
const running = new Set<RunningProcess>();

/**
 * Starts a process in its own process group, so that a timeout or `stop()` also ends the provider plugins
 * terraform starts. Output is collected in memory; stdin stays open until `closeStdin()`.
 */
export function startProcess(binary: string, args: readonly string[], options: SpawnOptions): RunningProcess {
  const started = Date.now();
  const command = [binary, ...args].join(" ");
  const child = spawn(binary, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let timedOut = false;
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // A child that exits before reading its stdin must not crash the test process with EPIPE.
  child.stdin!.on("error", () => undefined);

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const terminate = () => {
    signalGroup("SIGTERM");
    setTimeout(() => signalGroup("SIGKILL"), KILL_GRACE_MS).unref();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    terminate();
  }, options.timeoutMs);
  timer.unref();

  const exited = new Promise<ProcessResult>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      running.delete(handle);
      resolve({ command, code, signal, stdout, stderr, timedOut, durationMs: Date.now() - started });
    };
    child.on("error", (error) => {
      stderr += String(error);
      finish(null, null);
    });
    child.on("close", finish);
  });

  const handle: RunningProcess = {
    child,
    exited,
    closeStdin: () => child.stdin!.end(),
    stop: () => {
      terminate();
      return exited;
    },
  };
  running.add(handle);
  return handle;
}

/** Runs a process to completion; `input` is written to its stdin, which is then closed. */
export function runProcess(binary: string, args: readonly string[], options: SpawnOptions & { readonly input?: string }): Promise<ProcessResult> {
  const handle = startProcess(binary, args, options);
  handle.child.stdin!.end(options.input ?? "");
  return handle.exited;
}

/** Stops every process started here that is still running (test teardown, Ctrl-C in scripts). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((handle) => handle.stop()));
}

/** Output of a finished process for an assertion or error message: the command, exit status and both streams. */
export function describeResult(result: ProcessResult): string {
  const status = result.timedOut ? `timed out after ${result.durationMs} ms` : `exit code ${result.code ?? result.signal}`;
  return [`$ ${result.command}  (${status})`, result.stdout.trim(), result.stderr.trim()].filter(Boolean).join("\n");
}

/** Maps `items` through `task` with at most `limit` tasks in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
