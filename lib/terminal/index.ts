export { LabRegistry, type LabRegistryOptions } from './registry';
export { LabSession, toCrlf, type LabSnapshot, type LabStore, type Sink } from './lab-session';
export { createStartingLab, parseSavedLab } from './lab-setup';
export { LiveStatus, type GradeLab } from './live-status';
export { attachTerminalServer, RESET_NOTICE, type TerminalServerOptions } from './ws-server';
export * from './protocol';
export { clientMessageSchema, labKeySchema, parseClientMessage } from './wire-schema';
