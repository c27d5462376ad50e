import { ocppPublicUrl } from '@/lib/config';

export function connectionUrl(identity: string): string {
  return `${ocppPublicUrl()}/ocpp/${identity}`;
}
