import { describe, expect, it } from 'vitest';
import { connectorChoices } from './connector-choices';

const charger = (statuses: string[]) => ({ connectorCount: statuses.length, connectors: statuses.map((status, index) => ({ connectorId: index + 1, status })) }) as never;

describe('connectorChoices', () => {
  it("offers a connector reserved for the user to start on, and neither start nor reserve on one reserved for someone else", () => {
    const reservations = [
      { connectorId: 1, isMine: true },
      { connectorId: 2, isMine: false },
    ];
    expect(connectorChoices({ charger: charger(['Reserved', 'Reserved', 'Available']), openSessions: [], reservations })).toEqual({ connectorIds: [1, 3], reservable: [3] });
  });

  it('reserves only Available connectors without a session', () => {
    expect(connectorChoices({ charger: charger(['Available', 'Preparing', 'Available']), openSessions: [{ connectorId: 3 }], reservations: [] })).toEqual({
      connectorIds: [1, 2],
      reservable: [1],
    });
  });
});
