export type EmailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  // The button; an e-mail to someone without an account (an employer) has none.
  action?: { label: string; url: string };
  // Further links, under the button.
  links?: { label: string; url: string }[];
  footer: string;
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function button(action: { label: string; url: string }) {
  return `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#047857;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0;font-size:13px;color:#57657a;word-break:break-all">${escapeHtml(action.url)}</p>`;
}

export function renderEmail(content: EmailContent): { subject: string; html: string; text: string } {
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  const links = (content.links ?? []).map((link) => `<p style="margin:16px 0 0"><a href="${escapeHtml(link.url)}" style="color:#047857;font-weight:600">${escapeHtml(link.label)}</a></p>`).join('');
  const html = `<!doctype html><html><body style="margin:0;background:#f1f5f9;font-family:system-ui,sans-serif;color:#0f172a">
<div style="max-width:520px;margin:0 auto;padding:32px 24px">
<p style="font-weight:700;font-size:18px;color:#047857;margin:0 0 24px">⚡ Chargewatch</p>
<div style="background:#fff;border-radius:12px;padding:28px">
<p style="margin:0 0 16px;font-weight:600">${escapeHtml(content.greeting)}</p>${paragraphs}
${content.action ? button(content.action) : ''}${links}
</div>
<p style="font-size:12px;color:#57657a;margin:16px 0 0">${escapeHtml(content.footer)}</p>
</div></body></html>`;
  const text = [content.greeting, ...content.paragraphs, ...[...(content.action ? [content.action] : []), ...(content.links ?? [])].map((link) => `${link.label}: ${link.url}`), content.footer].join('\n\n');
  return { subject: content.subject, html, text };
}
