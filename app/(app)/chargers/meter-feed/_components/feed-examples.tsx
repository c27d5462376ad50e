import { getTranslations } from 'next-intl/server';
import { CopyField } from '@/components/ui/copy-field';

function Example({ title, body, code }: { title: string; body?: string; code: string }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-medium text-slate-900">{title}</h3>
      {body && <p className="text-sm text-slate-600">{body}</p>}
      <pre tabIndex={0} className="overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </section>
  );
}

// The address and the same three ways to feed it as the README's "Home meter feed" section.
export async function FeedExamples({ endpoint }: { endpoint: string }) {
  const t = await getTranslations('MeterFeedPage');
  const curl = `curl -X POST ${endpoint} \\\n  -H "Authorization: Bearer $CHARGEWATCH_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"powerW": 1250}'`;
  const homeAssistant = [
    '# configuration.yaml',
    'rest_command:',
    '  chargewatch_grid_power:',
    `    url: ${endpoint}`,
    '    method: POST',
    '    headers:',
    '      authorization: !secret chargewatch_token   # "Bearer cwfeed_…"',
    '    content_type: application/json',
    `    payload: '{"powerW": {{ states("sensor.grid_power") | float(0) }}}'`,
    '',
    '# automations.yaml',
    '- alias: Send grid power to Chargewatch',
    '  triggers:',
    '    - trigger: state',
    '      entity_id: sensor.grid_power',
    '  actions:',
    '    - action: rest_command.chargewatch_grid_power',
  ].join('\n');
  const evcc = `while sleep 5; do\n  curl -s http://evcc.local:7070/api/state | jq '{powerW: (.grid.power // .gridPower // .result.gridPower)}' |\n    curl -s -X POST ${endpoint} -H "Authorization: Bearer $CHARGEWATCH_TOKEN" \\\n      -H "Content-Type: application/json" -d @-\ndone`;
  return (
    <div className="flex flex-col gap-5">
      <CopyField label={t('address')} value={endpoint} testId="feed-endpoint" />
      <p className="text-sm text-slate-600">{t('formats')}</p>
      <Example title={t('curlTitle')} code={curl} />
      <Example title={t('homeAssistantTitle')} body={t('homeAssistantBody')} code={homeAssistant} />
      <Example title={t('evccTitle')} body={t('evccBody')} code={evcc} />
    </div>
  );
}
