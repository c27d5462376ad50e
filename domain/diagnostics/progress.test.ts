import { describe, expect, it } from 'vitest';
import { diagnosticsProgress } from './progress';

describe('where a diagnostics request stands', () => {
  it("follows the charger's latest status report over its answer", () => {
    const reports = [{ status: 'Uploading' }, { status: 'UploadFailed' }];
    expect(diagnosticsProgress({ commandStatus: 'accepted', answeredFileName: 'a.log', reports })).toMatchObject({ progress: 'UploadFailed' });
    expect(diagnosticsProgress({ commandStatus: 'sent', answeredFileName: null, reports: [{ status: 'Uploading' }] })).toMatchObject({ progress: 'Uploading' });
  });

  it('reads an accepted answer without a file name as nothing to upload, and any other end as not sent', () => {
    expect(diagnosticsProgress({ commandStatus: 'accepted', answeredFileName: 'a.log', reports: [] })).toMatchObject({ progress: 'accepted' });
    expect(diagnosticsProgress({ commandStatus: 'accepted', answeredFileName: null, reports: [] })).toMatchObject({ progress: 'nothingToUpload' });
    expect(diagnosticsProgress({ commandStatus: 'pending', answeredFileName: null, reports: [] })).toMatchObject({ progress: 'waiting' });
    expect(diagnosticsProgress({ commandStatus: 'timeout', answeredFileName: null, reports: [] })).toEqual({ progress: 'notSent', commandStatus: 'timeout' });
  });
});

describe('where a GetLog stands', () => {
  it("reads the charger's reasons for not uploading, and an upload it cancelled for this one", () => {
    expect(diagnosticsProgress({ commandStatus: 'accepted', answeredFileName: 'a.log', answeredLogStatus: 'Accepted', reports: [{ status: 'Uploading' }, { status: 'PermissionDenied' }] })).toMatchObject({ progress: 'PermissionDenied' });
    expect(diagnosticsProgress({ commandStatus: 'accepted', answeredFileName: 'a.log', answeredLogStatus: 'AcceptedCanceled', reports: [] })).toMatchObject({ progress: 'acceptedCanceled' });
    expect(diagnosticsProgress({ commandStatus: 'accepted', answeredFileName: 'a.log', answeredLogStatus: 'AcceptedCanceled', reports: [{ status: 'Uploaded' }] })).toMatchObject({ progress: 'Uploaded' });
  });
});
