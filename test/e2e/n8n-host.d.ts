/* eslint-disable @typescript-eslint/no-explicit-any -- n8n's JSON output, untyped */
// Types for n8n-host.js (a CommonJS file with only Node built-ins, so it also runs before `npm install`).

export declare const REPO_ROOT: string;
/** The n8n versions the package is tested on (n8n-versions.js). */
export declare const N8N_VERSIONS: { current: string; oldest: string };

export interface Timing {
	command: string;
	ms: number;
	code: number | null;
}

export interface RunOptions {
	cwd?: string;
	/** Full environment of the child (default: process.env). */
	env?: NodeJS.ProcessEnv;
	/** How errors and timings name the command. */
	label?: string;
	/** Resolve instead of throwing on a non-zero exit. */
	allowFailure?: boolean;
	timeoutMs?: number;
	/** 'inherit' streams the child's stderr to ours. */
	stderr?: 'pipe' | 'inherit';
	/** Every finished command is appended here. */
	timings?: Timing[];
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs one command to completion; throws (naming the command, with its output tail) on failure. */
export declare function run(
	command: string,
	args: string[],
	options?: RunOptions,
): Promise<RunResult>;

/** Installs Node 24 + n8n into the cache once (scripts/ensure-n8n.sh) and returns their paths. */
export declare function ensureN8n(version?: string): Promise<{ node: string; n8nBin: string }>;

/** `npm run build` (unless build: false) then `npm pack` into a fresh temp folder (removed when a plain node process exits; under jest remove path.dirname(tarball) yourself); returns the tarball path. */
export declare function packPackage(options?: {
	build?: boolean;
	dir?: string;
	timings?: Timing[];
}): Promise<string>;

/** A TCP port that was free a moment ago on 127.0.0.1. */
export declare function freePort(): Promise<number>;

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain data: n8n encrypts it on import. */
	data: Record<string, unknown>;
}

export interface CredentialExport {
	id: string;
	name: string;
	type: string;
	/** Decrypted data, including what preAuthentication persisted. */
	data: Record<string, any>;
	[key: string]: unknown;
}

export interface WorkflowImport {
	id: string;
	name?: string;
	nodes: unknown[];
	connections: object;
	[key: string]: unknown;
}

/** A node's serialised error in the run data. */
export interface NodeRunError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	name?: string;
	[key: string]: unknown;
}

export interface ExecuteResult {
	/** The run was printed, has no error, and n8n exited with 0 (or see exitCrash). */
	ok: boolean;
	/** Exit code of `n8n execute` (1 when the run failed). */
	code: number | null;
	signal: NodeJS.Signals | null;
	/**
	 * Set when n8n died by this signal after printing the finished run (a known n8n 2.41 teardown crash
	 * of its expression-isolate pool); such a run still counts.
	 */
	exitCrash?: NodeJS.Signals;
	/** The run (IRun) as n8n printed it. */
	data:
		| {
				data: {
					resultData: {
						runData: Record<
							string,
							Array<{
								data?: { main?: Array<Array<{ json: any }> | null> };
								error?: NodeRunError;
								executionStatus?: string;
								[key: string]: unknown;
							}>
						>;
						error?: NodeRunError;
						lastNodeExecuted?: string;
					};
					[key: string]: unknown;
				};
				status: string;
				finished: boolean;
				mode: string;
				startedAt: string;
				stoppedAt: string;
				[key: string]: unknown;
		  }
		| undefined;
	/** The run's error message, or the CLI's when nothing ran (e.g. unknown workflow or node type). */
	error: string | undefined;
	/** n8n's other log lines. */
	logs: Array<{ level: string; message: string }>;
	stdout: string;
	stderr: string;
	ms: number;
}

/** The `json` of each item a node put out on its last run; throws when the node did not run. */
export declare function nodeOutput(
	result: ExecuteResult,
	nodeName: string,
	outputIndex?: number,
): any[];

/** The error of a node's last run, or undefined. */
export declare function nodeError(
	result: ExecuteResult,
	nodeName: string,
): NodeRunError | undefined;

/** Reads the run and the log lines out of `n8n execute --rawOutput` stdout (N8N_LOG_FORMAT=json). */
export declare function parseExecuteOutput(stdout: string): {
	data: ExecuteResult['data'];
	logs: ExecuteResult['logs'];
};

export interface N8nHostOptions {
	/** N8N_USER_FOLDER (n8n keeps its data in `<userFolder>/.n8n`); default: a new temp folder removed by dispose(). */
	userFolder?: string;
	/** Default: the key saved in the folder, else a new random one. */
	encryptionKey?: string;
	/** Extra/overriding environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
	/** The n8n version (default: N8N_VERSIONS.current). */
	version?: string;
}

export declare class N8nHost {
	constructor(options?: N8nHostOptions);
	readonly version: string;
	readonly userFolder: string;
	readonly encryptionKey: string;
	/** `<userFolder>/.n8n/nodes`, where the community-nodes screen installs packages. */
	readonly nodesFolder: string;
	/** Every command this host ran, with its duration. */
	timings: Timing[];
	/** The running `n8n start` process, if any (its own process group). */
	server: import('child_process').ChildProcess | undefined;
	/** Port of the running `n8n start`, if any. */
	port: number | undefined;
	/** Last 64 KB of the running/last server's console output. */
	serverOutput: string;

	/** The settings that stop n8n's calls to its own online services. */
	offlineEnv(): Promise<NodeJS.ProcessEnv>;
	/** Environment of one n8n process. */
	n8nEnv(overrides?: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv>;
	/** Runs one n8n CLI command with this host's environment. */
	n8n(args: string[], options?: Omit<RunOptions, 'timings'>): Promise<RunResult>;
	/** Installs a package tarball into `<userFolder>/.n8n/nodes` like the community-nodes screen. */
	installPackage(tarballPath: string): Promise<void>;
	/** Builds (unless build: false), packs and installs a package (default: this repository); removes the tarball. */
	packAndInstall(options?: { build?: boolean; dir?: string }): Promise<void>;
	/** Links a package folder (default: this repository) into `<userFolder>/.n8n/nodes` (`npm run dev`). */
	linkPackage(dir?: string): Promise<void>;
	/** Writes `<userFolder>/.n8n/nodes/package.json` if missing. */
	writeNodesManifest(): Promise<void>;
	/** `n8n import:credentials`; an existing id is overwritten. */
	importCredentials(list: CredentialImport[]): Promise<void>;
	/** `n8n import:workflow`; an existing id is overwritten. */
	importWorkflow(workflow: WorkflowImport): Promise<void>;
	/** `n8n execute --id`; never throws for a failed run (see ok/error). */
	execute(
		workflowId: string,
		options?: { timeoutMs?: number; env?: NodeJS.ProcessEnv },
	): Promise<ExecuteResult>;
	/** `n8n export:credentials --all --decrypted`. */
	exportCredentials(): Promise<CredentialExport[]>;
	/** `n8n start` on 127.0.0.1; resolves when /healthz/readiness answers 200. */
	start(options?: {
		port?: number;
		timeoutMs?: number;
		env?: NodeJS.ProcessEnv;
		output?: 'pipe' | 'inherit';
	}): Promise<{ url: string; port: number }>;
	/** SIGTERM, then SIGKILL of its process group after graceMs. */
	stop(options?: { graceMs?: number }): Promise<void>;
	/** stop() and remove the user folder if this host created it (kept with ARMOR_E2E_KEEP=1). */
	dispose(): Promise<void>;
}
