import { describe, expect, it } from 'vitest';
import { addDays } from '@chuangcheng/core';
import { resolvePdfFonts } from '../../http/pdf.ts';
import { runText, unzipEntry } from '../../test/docx.ts';
import { pdfText } from '../../test/pdf.ts';
import { buildUser, fileTestContext } from '../../test/harness.ts';
import { noticeOnTask21 } from '../../test/province.ts';
import { unitId } from './fixtures.ts';
import { todayInChina } from './units.ts';

const ctx = fileTestContext();

/** Issues a 督办单 to 省住建厅 on task 2.1 with every field the document prints, at a level and from a source. */
async function issueDocumented(level: string, source: string) {
  const body = await noticeOnTask21(ctx, {
    reason: '集中供热普及率进展滞后于年度目标',
    requiredAction: '说明原因并报送整改措施',
    replyDue: addDays(todayInChina(), 10),
    signer: '张明',
    cc: '省委督查室、省政府督查室',
    level,
    source,
  });
  return (await ctx.admin.post('/api/v1/notices', body)).json();
}

describe('the 督办单 as a Word file', () => {
  it('downloads as .docx with the number, fields and text of the notice, for those who may read it', async () => {
    const notice = await issueDocumented('key', 'meeting_decision');
    const res = await ctx.admin.get(`/api/v1/notices/${notice.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`督办单-${notice.number}.docx`));
    const zip = res.rawPayload;
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = unzipEntry(zip, 'word/document.xml');
    const text = runText(xml);
    for (const expected of [
      '督 办 单',
      notice.number,
      '督办等级：重点',
      '来源：会议议定',
      '责任单位：省住建厅',
      '督办事项：任务2.1 推进城市基础设施建设',
      '督办原因：集中供热普及率进展滞后于年度目标',
      '办理要求：说明原因并报送整改措施',
      `反馈时限：${notice.replyDue}`,
      '签发人：张明',
      '抄送：省委督查室、省政府督查室',
    ]) {
      expect(text).toContain(expected);
    }

    // Another unit's liaison and another city's office may not read it.
    const other = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省发改委'),
    });
    expect((await other.agent.get(`/api/v1/notices/${notice.id}/document.docx`)).statusCode).toBe(403);
    const daqing = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await daqing.agent.get(`/api/v1/notices/${notice.id}/document.docx`)).statusCode).toBe(403);
    const own = await buildUser(ctx, {
      role: 'unit_officer',
      regionCode: '23',
      orgUnitId: await unitId(ctx.db, '省住建厅'),
    });
    expect((await own.agent.get(`/api/v1/notices/${notice.id}/document.docx`)).statusCode).toBe(200);
  });
});

describe('the 督办单 as a PDF', () => {
  it('downloads as .pdf with the same fields as the Word file, in a Chinese font, for those who may read it', async () => {
    const notice = await issueDocumented('urgent', 'leader_instruction');
    const res = await ctx.admin.get(`/api/v1/notices/${notice.id}/document.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`督办单-${notice.number}.pdf`));
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const expected of [
      '督办单',
      notice.number,
      '督办等级：特急',
      '来源：领导批示',
      '责任单位：省住建厅',
      '督办事项：任务2.1推进城市基础设施建设',
      '督办原因：集中供热普及率进展滞后于年度目标',
      '办理要求：说明原因并报送整改措施',
      `反馈时限：${notice.replyDue}`,
      '签发人：张明',
      '抄送：省委督查室、省政府督查室',
      '签发日期：',
    ]) {
      expect(text).toContain(expected);
    }
    const other = await buildUser(ctx, { role: 'city_admin', regionCode: '2306' });
    expect((await other.agent.get(`/api/v1/notices/${notice.id}/document.pdf`)).statusCode).toBe(403);
  });

  it('is refused with PDF_FONT_MISSING, in the request’s language, when the configured font is not there', () => {
    expect(() => resolvePdfFonts('/nonexistent/font.ttf')).toThrow(
      expect.objectContaining({ code: 'PDF_FONT_MISSING', status: 503 }),
    );
    expect(resolvePdfFonts('/etc/hostname#Face')).toEqual({
      regular: { path: '/etc/hostname', face: 'Face' },
      bold: { path: '/etc/hostname', face: 'Face' },
    });
  });
});
