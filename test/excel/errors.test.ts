import { describeOfficeError } from '../../src/excel';
import { FakeOfficeError } from '../../dev/fake-excel';
import { onEachClient, rejection, setup } from './helpers';

describe('describeOfficeError', () => {
  it.each([
    ['InvalidArgument', /không hợp lệ/],
    ['ItemNotFound', /Không tìm thấy trang hoặc vùng ô/],
    ['GeneralException', /lỗi nội bộ/],
    ['RequestPayloadSizeLimitExceeded', /vượt giới hạn 5 MB của một lần ghi/],
    ['ResponsePayloadSizeLimitExceeded', /vượt giới hạn 5 MB của một lần đọc/],
    ['AccessDenied', /đang được bảo vệ/],
    ['ApiNotFound', /chưa hỗ trợ/],
    ['InvalidOperationInCellEditMode', /^Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại\.$/],
  ])('explains %s in Vietnamese', (code, re) => {
    expect(describeOfficeError(new FakeOfficeError(code))).toMatch(re);
  });

  it.each([
    'ConnectionFailure', 'RequestAborted', 'InvalidRequestContext', 'InvalidObjectPath', 'ValueNotLoaded', 'ActivityLimitReached',
    'InsertDeleteConflict', 'MergedRangeConflict', 'RangeExceedsLimit', 'OperationCellsExceedLimit', 'InactiveWorkbook', 'UnsupportedOperation',
  ])('says %s in Vietnamese, with what to do, and none of Excel\'s English', (code) => {
    const said = describeOfficeError({ name: 'RichApi.Error', code, message: 'The operation failed for an English reason.' });
    expect(said).toMatch(/[ạảãầấậẩẫằắặẳẵẹẻẽềếệểễịỉĩọỏõồốộổỗờớợởỡụủũừứựửữỳýỵỷỹđ]/);
    expect(said).not.toMatch(/English|operation failed/);
    expect(said).not.toContain(code);
  });

  it('does not tell the user to compile fewer units when a request is refused as too large (every action splits what it sends)', () => {
    expect(describeOfficeError(new FakeOfficeError('RequestPayloadSizeLimitExceeded'))).not.toMatch(/ít đơn vị/);
  });

  it('recognises Office errors by code, never by their text (Excel words it in the Office UI language)', () => {
    // Vietnamese Office: the message is Vietnamese, the code is the same.
    expect(describeOfficeError({ name: 'RichApi.Error', code: 'InvalidOperationInCellEditMode', message: 'Excel đang ở chế độ chỉnh sửa ô.' })).toBe(
      'Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.',
    );
    expect(describeOfficeError({ name: 'RichApi.Error', code: 'AccessDenied', message: 'Bạn không thể thực hiện thao tác được yêu cầu.' })).toMatch(/bảo vệ/);
    // English text with another code is that code's case, not cell-editing or protection.
    expect(describeOfficeError({ name: 'RichApi.Error', code: 'InvalidOperation', message: 'Excel is in cell-editing mode.' })).toBe(
      'Excel không thực hiện được thao tác này trên đối tượng hiện tại.',
    );
    // A code not known yet: its code, never Excel's English words.
    const unknown = describeOfficeError({ name: 'RichApi.Error', code: 'WeirdNewCode', message: 'Something odd' });
    expect(unknown).toMatch(/^Excel báo lỗi \(mã WeirdNewCode\)/);
    expect(unknown).not.toContain('Something odd');
    expect(describeOfficeError(new TypeError('x is undefined'))).toMatch(/^Đã xảy ra lỗi không mong đợi: x is undefined/);
    expect(describeOfficeError(new Error('Không tìm thấy trang "A".'))).toBe('Không tìm thấy trang "A".');
  });

});

onEachClient(() => describe('describeOfficeError on what the real client throws', () => {
  it('describes the error while the user is typing in a cell', async () => {
    const fake = setup([{ sheet: 'S', originRow: 0, originCol: 0, cells: [] }]);
    fake.setCellEditMode(true);
    const err = await rejection(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      await ctx.sync();
    }));
    expect(describeOfficeError(err)).toBe('Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.');
  });
}));
