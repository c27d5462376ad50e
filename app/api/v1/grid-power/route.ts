import { db } from '@/lib/db';
import { receiveGridReadings } from '@/lib/grid/receive-readings';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => receiveGridReadings(db(), request);
