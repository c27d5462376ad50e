import { callV16 } from '../ocpp/v16';
import { positive, sendOrNote, type LocalListProtocol } from './protocol';

type Caller = Parameters<typeof callV16>[0];

const ENABLED_KEY = 'LocalAuthListEnabled';
const MAX_LENGTH_KEY = 'LocalAuthListMaxLength';
const SEND_MAX_LENGTH_KEY = 'SendLocalListMaxLength';
const PROFILES_KEY = 'SupportedFeatureProfiles';
const LOCAL_LIST_PROFILE = 'LocalAuthListManagement';

// The list in OCPP 1.6's messages (§5.10, §5.15), its support read from the §9.4 keys of the Local Auth List
// Management profile: a charger that names its profiles without this one, or has the list turned off, does not keep one.
export function v16LocalList(client: Caller, callTimeoutMs: number): LocalListProtocol {
  return {
    async readSupport() {
      try {
        const answer = await callV16(client, 'GetConfiguration', { key: [ENABLED_KEY, MAX_LENGTH_KEY, SEND_MAX_LENGTH_KEY, PROFILES_KEY] }, { callTimeoutMs });
        const value = (key: string) => answer.configurationKey?.find((entry) => entry.key === key)?.value;
        const profiles = value(PROFILES_KEY);
        const isInProfiles = profiles === undefined || profiles.split(',').some((profile) => profile.trim() === LOCAL_LIST_PROFILE);
        const note = !isInProfiles ? 'notInProfiles' : value(ENABLED_KEY)?.trim().toLowerCase() === 'false' ? 'disabled' : null;
        return { note, limits: { maxLength: positive(value(MAX_LENGTH_KEY)), sendMaxLength: positive(value(SEND_MAX_LENGTH_KEY)) } };
      } catch {
        return null;
      }
    },
    // -1: it has no list (§5.10).
    async readVersion() {
      const { listVersion } = await callV16(client, 'GetLocalListVersion', {}, { callTimeoutMs });
      return listVersion < 0 ? null : listVersion;
    },
    send: (batch, listVersion) => sendOrNote(() => callV16(client, 'SendLocalList', { listVersion, ...batch }, { callTimeoutMs })),
  };
}
