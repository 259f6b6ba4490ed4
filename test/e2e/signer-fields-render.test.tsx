/** The pane's Người ký fields (SignerFields) as React renders them: labelled inputs, hints, the choice shown when closed. */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SignerFields } from '../../src/taskpane/components/SignerFields';

const render = (value: Parameters<typeof SignerFields>[0]['value']) =>
  renderToStaticMarkup(<SignerFields busy={false} value={value} onChange={() => undefined} />);

it('three labelled fields, closed by default, saying the defaults; the choice is shown on the closed line', () => {
  const empty = render({});
  expect(empty).toMatch(/^<details/);
  expect(empty).not.toMatch(/<details[^>]* open/);
  expect(empty).toContain('(mặc định)');
  for (const label of ['Chức vụ người ký', 'Quyền hạn ký (tuỳ chọn)', 'Họ và tên người ký']) {
    const id = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label.replace(/[()]/g, '\\$&')}`).exec(empty)?.[1];
    expect(id).toBeTruthy();
    expect(empty).toContain(`id="${id}"`); // the input the label names
  }
  expect(empty).toContain('[Họ và tên]');
  const chosen = render({ title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' });
  expect(chosen).toContain(': CHỦ TỊCH, Nguyễn Văn An');
  expect(chosen).toContain('value="Nguyễn Văn An"');
});
