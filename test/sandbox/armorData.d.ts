/**
 * Types of armorData.js: the fixture generators of the Armor Defense v1 resources (accounts' children,
 * activity and contacts, users, roles, permissions, API keys, locations, VMs, workloads and tiers, orders,
 * firewalls, core agent views, IP reputation, logs, ticket records, comments, transitions and archive).
 * Every function returns the record as generated; the running sandbox applies its changes on top.
 *
 * Ids (A = account id): VM A*1000+100+n, workload A*1000+200+n, tier A*1000+300+k, order A*1000+400+n,
 * ovdcId A*1000+500+n, user A*1000+600+n, role A*1000+700+n, contact A*1000+800+n, activity A*1000+900+n,
 * firewall rule ovdcId*100+n, child account A*100+n, comment A*10^7+t*10^4+c.
 */

import type { ArmorAccount, ArmorTicket } from './fixtures';

// ---------------------------------------------------------------- counts and constants

/** Generated children per account (after the fixture accounts whose parent it is). */
export declare const ARMOR_CHILD_ACCOUNTS_GENERATED: number; // 2
export declare const ARMOR_ACTIVITY_PER_ACCOUNT: number; // 27
export declare const ARMOR_ACTIVITY_PAGE_SIZE: number; // 10
export declare const ARMOR_CONTACTS_PER_ACCOUNT: number; // 4
/** Generated users per account (after the fixture login users of the account). */
export declare const ARMOR_GENERATED_USERS_PER_ACCOUNT: number; // 3
export declare const ARMOR_ROLES_PER_ACCOUNT: number; // 3
/** Generated keys per user (after the user's ARMOR-PSK fixture keys, if any). */
export declare const ARMOR_KEYS_PER_USER: number; // 2
/** POST /users/{id}/keys answers 400 once a user has this many. */
export declare const ARMOR_MAX_KEYS_PER_USER: number; // 10
export declare const ARMOR_VMS_PER_ACCOUNT: number; // 6
export declare const ARMOR_WORKLOADS_PER_ACCOUNT: number; // 4
export declare const ARMOR_TIERS_PER_ACCOUNT: number; // 5
export declare const ARMOR_ORDERS_PER_ACCOUNT: number; // 5
export declare const ARMOR_FIREWALLS_PER_ACCOUNT: number; // 2
export declare const ARMOR_FIREWALL_RULES_PER_FIREWALL: number; // 23
export declare const ARMOR_FIREWALL_RULES_PAGE_SIZE: number; // 10
export declare const ARMOR_IPRM_EVENTS_PER_ACCOUNT: number; // 15
export declare const ARMOR_IPRM_PAGE_SIZE: number; // 10
export declare const ARMOR_LOG_SOURCES_PER_ACCOUNT: number; // 5
export declare const ARMOR_LOG_SEARCH_MAX_SIZE: number; // 100
export declare const ARMOR_TICKET_ENTRIES_PER_ACCOUNT: number; // 31
export declare const ARMOR_TICKET_COMMENTS_MAX_LIMIT: number; // 100
export declare const ARMOR_TICKET_COMMENTS_DEFAULT_LIMIT: number; // 50
/** Largest pageSize of /tickets/entries. */
export declare const ARMOR_PAGE_SIZE_MAX: number; // 100
/** vCloud Director codes in a VM's `status`. */
export declare const ARMOR_VM_STATUS: { readonly POWERED_ON: 4; readonly POWERED_OFF: 8 };

// ---------------------------------------------------------------- records

export interface ArmorActivity {
	id: number;
	accountId: number;
	userId: number;
	userEmail: string;
	action: string;
	resource: string;
	description: string;
	ipAddress: string;
	createdDate: string;
}

export interface ArmorContact {
	id: number;
	accountId: number;
	contactType: 'Primary' | 'Billing' | 'Technical' | 'Security' | string;
	isPrimary: boolean;
	firstName: string;
	lastName: string;
	title: string;
	email: string;
	phone: string;
}

export interface ArmorUserRecord {
	id: number;
	isMfaEnabled: boolean;
	status: 'enabled' | 'disabled' | string;
	title: string;
	firstName: string;
	lastName: string;
	email: string;
	phonePrimary: {
		countryCode: number;
		countryIsoCode: string;
		number: string;
		phoneExt: string | null;
	};
	timezone: string;
	culture: string;
	/** Permission ids (see ARMOR_PERMISSION_GROUPS). */
	permissions: number[];
	lastModified: string;
	passwordLastSet: string;
	mustChangePassword: boolean;
	lastLogin: string;
	mfaMode: string;
	mfaPinMode: string;
	apiKeyCount: number;
}

export interface ArmorRoleMember {
	id: number;
	email: string;
	firstName: string;
	lastName: string;
	enabled: boolean;
	added: string;
}

export interface ArmorRole {
	id: number;
	name: string;
	default: boolean;
	created: string;
	modified: string | null;
	permissions: number[];
	members: ArmorRoleMember[];
}

export interface ArmorPermission {
	id: number;
	name: string;
	description: string;
	resource: string;
	system: string;
	endpoints: Array<{ method: string; route: string }>;
}

export interface ArmorPermissionGroup {
	name: string;
	permissions: ArmorPermission[];
}

export interface ArmorApiKeyRecord {
	/** The key id (what an ARMOR-PSK header names). */
	id: string;
	name: string;
	description: string;
	userId: number;
	enabled: boolean;
	createdDate: string;
	lastUsedDate: string | null;
}

export interface ArmorLocation {
	id: number;
	location: string;
	name: string;
	zones: string[];
}

export interface ArmorVm {
	hostType: string;
	canUseFluidScale: boolean;
	disks: Array<{ id: number; capacity: number; name: string; type: string }>;
	isDeleted: boolean;
	canReplicate: boolean;
	id: number;
	coreInstanceId: string;
	biosUuid: string;
	name: string;
	provider: string;
	location: string;
	zone: string;
	ipAddress: string;
	/** 4 = powered on, 8 = powered off (ARMOR_VM_STATUS). */
	status: number;
	appId: number;
	appName: string | null;
	osId: null;
	os: string;
	deployed: boolean;
	cpu: number;
	/** MB. */
	memory: number;
	/** MB. */
	storage: number;
	notes: string | null;
	vCenterId: number;
	vCenterName: string;
	/** The ovdcId of the firewall the VM sits behind. */
	vcdOrgVdcId: number;
	isRecoveryVm: boolean;
	coreDateRegistered: string;
	coreLastPing: string;
	vmDateCreated: string;
	product: { sku: string; size: string; isExpired: boolean; storagePolicyClass: string | null };
	vmServices: null;
	uuid: string;
	isHealthy: boolean;
	health: number;
	tags: string[];
	scheduledEvents: unknown[];
	advBackupStatus: boolean;
	advBackupSku: string | null;
	vmBackupInProgress: boolean;
	profileName: string | null;
	multiVmVapp: boolean;
}

export interface ArmorWorkloadBase {
	id: number;
	name: string;
	location: string;
	zone: string;
	status: number;
	deployed: boolean;
	notes: string | null;
	health: number;
	tags: string[];
}

export interface ArmorTier {
	id: number;
	name: string;
	vms: ArmorVm[];
}

export interface ArmorTierPlanEntry {
	id: number;
	appId: number;
	name: string;
	vmIds: number[];
}

export interface ArmorWorkload<V = ArmorVm> {
	id: number;
	name: string;
	location: string;
	zone: string;
	status: number;
	deployed: boolean;
	tierCount: number;
	vmCount: number;
	totalCpu: number;
	totalMemory: number;
	totalStorage: number;
	tiers: Array<{ id: number; name: string; vms: V[] }>;
	notes: string | null;
	health: number;
	tags: string[];
}

export interface ArmorOrder {
	id: number;
	accountId: number;
	status: 'completed' | 'processing' | 'submitted' | 'cancelled' | string;
	dateCreated: string;
	vms: Array<{
		trackingId: string;
		name: string;
		location: string;
		zone: string;
		appId: number;
		appName: string;
		tierId: number;
		tierName: string;
		storage: Array<{ size: number; sku: string; quantity: number; accountId: number }>;
		software: Array<{
			sku: string;
			parameters: unknown[];
			type: string;
			quantity: number;
			accountId: number;
		}>;
		secret: null;
		sku: string;
		quantity: number;
		accountId: number;
	}>;
}

export interface ArmorFirewall {
	id: number;
	/** Names the rules: GET /firewall/{ovdcId}/rules. */
	ovdcId: number;
	name: string;
	ovdcName: string;
	location: string;
	zone: string;
	type: string;
	status: string;
	ruleCount: number;
}

export interface ArmorFirewallRule {
	id: number;
	ovdcId: number;
	ruleTag: number;
	name: string;
	action: 'accept' | 'deny';
	direction: 'in' | 'out';
	source: { exclude: boolean; ipAddresses: string[] };
	destination: { exclude: boolean; ipAddresses: string[] };
	service: { protocol: string; port: string };
	disabled: boolean;
	loggingEnabled: boolean;
	description: string;
	ruleType: string;
}

export interface ArmorAvamEntry {
	accountId: number;
	alternativeBiosUuid: string;
	avamRealTimeScan: boolean;
	biosUuid: string;
	coreInstanceId: string;
	createdDate: string;
	/** Spelled as the vendor's clients spell it. */
	customLocatiom: null;
	customProvider: null;
	hostId: number;
	isActive: boolean;
	lastAgentCommunicationDate: string;
	lastAgentCommunicationSeverity: number;
	lastScannedDate: string | null;
	lastScannedSeverity: number;
	location: string;
	os: string;
	overallAntiMalwareStatus: string;
	/** Sandbox summary: 'Protected' | 'Offline' (VM powered off) | 'Not Installed' (VM 6). */
	avamStatus: 'Protected' | 'Offline' | 'Not Installed';
	providerFullName: string;
	vmName: string;
	vmProvider: string;
}

export interface ArmorFimEntry {
	accountId: number;
	coreInstanceId: string;
	hostId: number;
	vmName: string;
	os: string;
	isActive: boolean;
	/** 'Monitored' | 'Offline' (VM powered off) | 'Not Installed' (VM 6). */
	fimStatus: 'Monitored' | 'Offline' | 'Not Installed';
	overallIntegrityMonitoringStatus: string;
	ruleCount: number;
	changesDetected: number;
	lastScannedDate: string | null;
	lastScannedSeverity: number;
}

export interface ArmorPackage {
	coreInstanceId: string;
	name: string;
	category: string;
	installedVersion: string;
	availableVersion: string | null;
	updateAvailable: boolean;
	severity: string;
	releaseDate: string;
}

export interface ArmorIprmEvent {
	id: number;
	accountId: number;
	ipAddress: string;
	direction: 'Inbound' | 'Outbound';
	action: 'Blocked' | 'Alerted';
	threatCategory: string;
	reputationScore: number;
	country: string;
	vmId: number;
	vmName: string;
	hits: number;
	eventDate: string;
}

export interface ArmorLogManagementEntry {
	id: number;
	accountId: number;
	name: string;
	sku: string;
	isActive: boolean;
	retentionDays: number;
	storageUsedBytes: number;
	storageLimitBytes: number;
	startDate: string;
}

export interface ArmorLogSource {
	id: number;
	accountId: number;
	name: string;
	type: string;
	hostName: string;
	ipAddress: string;
	coreInstanceId: string | null;
	status: 'Active' | 'Inactive';
	eventsPerDay: number;
	lastEventDate: string;
}

export interface ArmorLogSearchHit {
	/** `<account>-<view index>-<5-digit n>`. */
	id: string;
	viewName: string;
	timestamp: string;
	eventType: string;
	severity: string;
	hostName: string;
	sourceIp: string;
	destinationIp: string;
	message: string;
}

export interface ArmorTicketRequestType {
	id: number;
	name: string;
}

export interface ArmorTicketTransition {
	id: number;
	name: string;
	toStatus: string;
}

/** Ticket as /tickets/list-all and /tickets/{key}/details describe it (the latter adds `commentCount`). */
export interface ArmorTicketRecord extends ArmorTicket {
	/** = key. */
	issueKeyId: string;
	/** = status. */
	currentStatus: string;
	requestType: ArmorTicketRequestType;
	description: string;
	reporter: { id: number; name: string; email: string };
	createdDate: string;
	updatedDate: string;
}

export interface ArmorTicketComment {
	id: number;
	issueKeyId: string;
	comment: string;
	isPublic: boolean;
	author: { id: number | null; name: string; email: string };
	createdDate: string;
}

export interface ArmorTicketEntry {
	id: number;
	accountId: number;
	ticketNumber: string;
	summary: string;
	status: 'Closed';
	resolution: string;
	requestType: ArmorTicketRequestType;
	priority: string;
	createdDate: string;
	closedDate: string;
}

// ---------------------------------------------------------------- catalogues

export declare const ARMOR_PERMISSION_GROUPS: readonly ArmorPermissionGroup[];
/** 7 locations; ORD01 and SYD01 have no zone. */
export declare const ARMOR_LOCATIONS: readonly ArmorLocation[];
/** security-events (57 hits), authentication (18), firewall-denies (0); matched case-insensitively. */
export declare const ARMOR_LOG_SEARCH_VIEWS: ReadonlyArray<{ viewName: string; total: number }>;
/** 1 Technical Support, 2 Security Incident, 3 Service Request, 4 Billing; ticket n has type (n - 1) % 4 + 1. */
export declare const ARMOR_TICKET_REQUEST_TYPES: readonly ArmorTicketRequestType[];
/** 11 Start Progress, 21 Wait for Customer, 31 Respond, 41 Resolve, 51 Reopen, 61 Close. */
export declare const ARMOR_TICKET_TRANSITIONS: ReadonlyArray<
	ArmorTicketTransition & { from: readonly string[] }
>;

// ---------------------------------------------------------------- generators

/** Fixture accounts whose parent is the account, then 2 generated (id accountId*100+n, Direct). */
export declare function armorChildAccounts(accountId: number): ArmorAccount[];
/** Activity n (1..27; 1 = newest). */
export declare function armorActivity(accountId: number, n: number): ArmorActivity;
/** Contact n (1..4): Primary, Billing, Technical, Security. */
export declare function armorContact(accountId: number, n: number): ArmorContact;
/** The fixture login users of the account (501 for 1001/1002, 502 for 2001), then generated users 1..3. */
export declare function armorUsers(accountId: number): ArmorUserRecord[];
/** Generated user n (1..3); user 3 is disabled. */
export declare function armorGeneratedUser(accountId: number, n: number): ArmorUserRecord;
export declare function armorGeneratedUserId(accountId: number, n: number): number;
/** Role n (1..3): Account Administrator, Security Analyst, Read Only (default). */
export declare function armorRole(accountId: number, n: number): ArmorRole;
export declare function armorRoles(accountId: number): ArmorRole[];
/** 'f0000000-0000-4000-8000-' + 10-digit user id + 2-digit n. */
export declare function armorApiKeyId(userId: number, n: number): string;
/** The user's ARMOR-PSK fixture keys (fixtures.js ARMOR_API_KEYS), then 2 generated keys. */
export declare function armorApiKeys(userId: number): ArmorApiKeyRecord[];
export declare function armorVmId(accountId: number, n: number): number;
/** 'c0000000-0000-4000-8000-' + 8-digit account id + 4-digit n. */
export declare function armorCoreInstanceId(accountId: number, n: number): string;
/** VM n (1..6): web-01, web-02, db-01, app-01, app-02 (powered off), jump-01 (no agent). */
export declare function armorVm(accountId: number, n: number): ArmorVm;
export declare function armorVms(accountId: number): ArmorVm[];
export declare function armorWorkloadId(accountId: number, n: number): number;
export declare function armorWorkloadBase(accountId: number, n: number): ArmorWorkloadBase;
export declare function armorTierId(accountId: number, k: number): number;
export declare function armorTierPlan(accountId: number): ArmorTierPlanEntry[];
/** Tier k (1..5): Web (VMs 1, 2), Database (3), Application (4, 5), Cache (empty), Jump hosts (6). */
export declare function armorTier(accountId: number, k: number): ArmorTier;
/** Workload n (1..4): Customer Portal (tiers 1, 2), Billing Platform (3, 4), Management (5), Sandbox (none). */
export declare function armorWorkload(accountId: number, n: number): ArmorWorkload;
export declare function composeWorkload<V extends { cpu: number; memory: number; storage: number }>(
	base: ArmorWorkloadBase,
	tiers: Array<{ id: number; name: string; vms: V[] }>,
): ArmorWorkload<V>;
export declare function armorOrderId(accountId: number, n: number): number;
/** Order n (1..5): completed, completed, processing, submitted, cancelled. */
export declare function armorOrder(accountId: number, n: number): ArmorOrder;
export declare function armorOvdcId(accountId: number, n: number): number;
export declare function armorFirewall(accountId: number, n: number): ArmorFirewall;
export declare function armorFirewallRuleId(ovdcId: number, n: number): number;
/** Rule n (1..23) of an ovdc; every 7th disabled, every 5th a deny. */
export declare function armorFirewallRule(ovdcId: number, n: number): ArmorFirewallRule;
export declare function armorAvamEntry(
	accountId: number,
	vm: Pick<
		ArmorVm,
		'id' | 'name' | 'os' | 'coreInstanceId' | 'biosUuid' | 'status' | 'location' | 'provider'
	>,
): ArmorAvamEntry;
export declare function armorFimEntry(
	accountId: number,
	vm: Pick<ArmorVm, 'id' | 'name' | 'os' | 'coreInstanceId' | 'status'>,
): ArmorFimEntry;
/** The 8 packages of VM n; odd VMs have updates (every third package). */
export declare function armorPackages(accountId: number, n: number): ArmorPackage[];
/** IP reputation event n (1..15; 1 = newest). */
export declare function armorIprmEvent(accountId: number, n: number): ArmorIprmEvent;
export declare function armorLogManagement(accountId: number): ArmorLogManagementEntry[];
/** Log source n (1..5); 5 is inactive. */
export declare function armorLogSource(accountId: number, n: number): ArmorLogSource;
/** Hit n (1-based; 1 = newest) of a view (its name as ARMOR_LOG_SEARCH_VIEWS lists it). */
export declare function armorLogSearchHit(
	accountId: number,
	viewName: string,
	n: number,
): ArmorLogSearchHit;
export declare function armorTicketTransitions(status: string): ArmorTicketTransition[];
/** `ARM-<account>-<nnn>` (case-insensitive, n within the account's tickets) -> its parts. */
export declare function parseArmorTicketKey(
	key: string,
): { accountId: number; n: number } | undefined;
export declare function armorTicketRecord(accountId: number, n: number): ArmorTicketRecord;
/** 14 for ticket 1, else n % 3. */
export declare function armorTicketCommentCount(n: number): number;
export declare function armorTicketCommentId(accountId: number, n: number, c: number): number;
/** Comment c (1-based, oldest first) of ticket n; odd ones by Armor Support, every 4th internal. */
export declare function armorTicketComment(
	accountId: number,
	n: number,
	c: number,
): ArmorTicketComment;
/** Archive entry n (1..31; 1 = most recently closed). */
export declare function armorTicketEntry(accountId: number, n: number): ArmorTicketEntry;
