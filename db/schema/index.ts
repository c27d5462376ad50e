export * from './locales';
export * from './accounts';
export * from './auth';
export * from './chargers';
export * from './cards';
export * from './transactions';
export * from './commands';
export * from './ocpp-log';
