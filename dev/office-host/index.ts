/**
 * Test-side Excel: Microsoft's real client (@microsoft/office-js) talking
 * RichApi to an in-memory host. Never part of the shipped add-in.
 */
export { RichApiHost, WEB_PAYLOAD_LIMIT, emptyHostStats, HostGap } from './host';
export type { HostOptions, HostStats, RequestFailure, RequestRecord, Platform } from './host';
export { CLIENT_BUILDS, CLIENT_FILES, clientDir, loadClient, unloadClient, attachHost, currentHost, loadedBuild } from './client';
export type { ClientBuild } from './client';
export { connectClient } from './connect';
export { startHostServer } from './server';
export type { HostServer } from './server';
