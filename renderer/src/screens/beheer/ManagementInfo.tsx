import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MiOverzicht } from '../../../../shared/schemas/beheer';
import { WET_LABELS, WETTEN, type Wet } from '../../../../shared/schemas/zaak';
import { base64ToBlob, call, useLoad } from '../../api';
import { fmtDate, fmtEuro } from '../../format';
import { todayIso } from '../../../../shared/today';
import { LoadError, WideTable } from '../../ui';
import { DateField } from '../../DateField';

/**
 * Management information (beheerder, auditor, besluitbevoegd): aggregates per wijk, law and
 * product category — no names, no BSN. Export as CSV (Excel, ';') or XLSX.
 */

const SOORT_LABELS: Record<string, string> = {
  toekenning: 'Toekenning', gedeeltelijke_toekenning: 'Gedeeltelijke toekenning', afwijzing: 'Afwijzing', wijziging: 'Wijziging',
  beeindiging: 'Beëindiging', buiten_behandeling: 'Buiten behandeling',
};
const nl = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(n);

function yearStart(): string {
  return `${todayIso().slice(0, 4)}-01-01`;
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mt="lg" mb="xs">{title}</Title>
      {empty ? <Text c="dimmed">Geen gegevens in deze periode.</Text> : children}
    </section>
  );
}

function SimpleTable({ head, rows, caption }: { head: string[]; rows: (string | number)[][]; caption?: string }) {
  return (
    <WideTable label={caption ?? `Tabel: ${head.join(', ')}`}>
      <Table striped fz="sm">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead><Table.Tr>{head.map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => <Table.Tr key={i}>{r.map((c, j) => <Table.Td key={j} ta={typeof c === 'number' ? 'right' : undefined}>{typeof c === 'number' ? nl(c) : c}</Table.Td>)}</Table.Tr>)}
        </Table.Tbody>
      </Table>
    </WideTable>
  );
}

/** Sum per wijk, one bar per law: for the charts. */
function perWijk(rows: { wijk: string; wet: Wet; aantal: number }[]) {
  const m = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const e = m.get(r.wijk) ?? { wijk: r.wijk };
    e[r.wet] = ((e[r.wet] as number | undefined) ?? 0) + r.aantal;
    m.set(r.wijk, e);
  }
  return [...m.values()];
}

const WET_COLORS: Record<Wet, string> = { wmo: '#1c5d99', jeugdwet: '#b35900', participatiewet: '#4d7c0f' };

/**
 * Horizontal bars, one row per label: every wijk or soort keeps its label at 1366 px and at 200%
 * zoom (vertical bars made recharts drop labels that did not fit under them), and the chart grows
 * with the number of rows.
 */
function BarsPerLabel({ data, labelKey, label, legend = true, children }: {
  data: Record<string, string | number>[]; labelKey: string; label: string; legend?: boolean; children: ReactNode;
}) {
  const height = 60 + (legend ? 30 : 0) + data.length * 34;
  return (
    // minWidth 0 and overflow hidden: a chart in a grid cell must be able to shrink when the window
    // does (at 200% zoom), or the cell keeps the chart's old width and the page scrolls sideways.
    <div style={{ width: '100%', minWidth: 0, overflow: 'hidden', height }} role="img" aria-label={label}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey={labelKey} interval={0} width={170} />
          <Tooltip />
          {legend && <Legend />}
          {children}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ManagementInfo() {
  const [van, setVan] = useState(yearStart());
  const [tot, setTot] = useState(todayIso());
  const [wijk, setWijk] = useState('');
  const [wet, setWet] = useState<Wet | null>(null);
  const [maanden, setMaanden] = useState<number>(6);
  const [exportError, setExportError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const query = { van, tot, maanden, ...(wijk.trim() ? { wijk: wijk.trim() } : {}), ...(wet ? { wet } : {}) };
  const { data, error, loading } = useLoad('mi.overzicht', van && tot ? query : null);

  const download = async (formaat: 'csv' | 'xlsx') => {
    setBusy(formaat);
    const r = await call('mi.export', { query, formaat });
    setBusy(null);
    if (!r.ok) { setExportError(r.error.message); return; }
    setExportError(null);
    const url = URL.createObjectURL(base64ToBlob(r.value.base64, r.value.mimeType));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.bestandsnaam;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const o: MiOverzicht | null = data;
  const wetten = o ? [...new Set([...o.meldingen, ...o.besluiten].map((r) => r.wet))] : [];
  return (
    <>
      <Title order={1} size="h2" mb="md">Managementinformatie</Title>
      <Text size="sm" mb="md">Alleen totalen per wijk, wet en productcategorie. Namen en BSN staan hier nooit in.</Text>
      <Group align="flex-end" mb="md" wrap="wrap">
        <DateField label="Van" required value={van} onChange={(v) => setVan(v ?? '')} w={180} />
        <DateField label="Tot en met" required value={tot} onChange={(v) => setTot(v ?? '')} w={180} />
        <TextInput label="Wijk (leeg = alle)" value={wijk} onChange={(e) => setWijk(e.currentTarget.value)} w={180} />
        <Select label="Wet" placeholder="Alle wetten" clearable value={wet} onChange={(v) => setWet(v as Wet | null)}
          data={WETTEN.map((w) => ({ value: w, label: WET_LABELS[w] }))} w={180} />
        <NumberInput label="Herindicatie: maanden vooruit" value={maanden} onChange={(v) => setMaanden(Number(v) || 6)} min={1} max={24} allowDecimal={false} w={200} />
        <Button variant="default" onClick={() => void download('csv')} loading={busy === 'csv'} disabled={!o}>CSV (Excel)</Button>
        <Button variant="default" onClick={() => void download('xlsx')} loading={busy === 'xlsx'} disabled={!o}>XLSX</Button>
      </Group>
      <LoadError error={error} />
      {exportError && <Alert color="red" role="alert" mb="sm">{exportError}</Alert>}
      {loading && !o && <Text>Bezig met laden…</Text>}
      {o && (
        <>
          <Text size="sm" c="dimmed">Periode {fmtDate(o.van)} t/m {fmtDate(o.tot)} · herindicatie vanaf {fmtDate(o.peildatum)}</Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
            <div>
              <Title order={2} size="h4" mb="xs">Meldingen per wijk</Title>
              <BarsPerLabel data={perWijk(o.meldingen)} labelKey="wijk" label="Staafdiagram: meldingen per wijk en wet (ook als tabel hieronder)">
                {wetten.map((w) => <Bar key={w} dataKey={w} name={WET_LABELS[w]} stackId="a" fill={WET_COLORS[w]} isAnimationActive={false} />)}
              </BarsPerLabel>
            </div>
            <div>
              <Title order={2} size="h4" mb="xs">Besluiten per soort</Title>
              <BarsPerLabel label="Staafdiagram: besluiten per soort (ook als tabel hieronder)" labelKey="soort" legend={false}
                data={Object.entries(o.besluiten.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.soort]: (acc[r.soort] ?? 0) + r.aantal }), {}))
                  .map(([soort, aantal]) => ({ soort: SOORT_LABELS[soort] ?? soort, aantal }))}>
                <Bar dataKey="aantal" name="Besluiten" fill="#1c5d99" isAnimationActive={false} />
              </BarsPerLabel>
            </div>
          </SimpleGrid>

          <Section title="Meldingen" empty={!o.meldingen.length}>
            <SimpleTable head={['Wijk', 'Wet', 'Aantal']} rows={o.meldingen.map((r) => [r.wijk, WET_LABELS[r.wet], r.aantal])} />
          </Section>
          <Section title="Doorlooptijd melding → besluit (dagen)" empty={!o.doorlooptijd.length}>
            <SimpleTable head={['Wijk', 'Wet', 'Zaken', 'Gemiddeld', 'Mediaan']}
              rows={o.doorlooptijd.map((r) => [r.wijk, WET_LABELS[r.wet], r.aantal, r.gemiddeldDagen, r.mediaanDagen])} />
          </Section>
          <Section title="Wettelijke termijnen gehaald" empty={!o.termijnen.length}>
            <SimpleTable head={['Wijk', 'Wet', 'Termijn', 'Afgerond', 'Op tijd', '% op tijd']}
              rows={o.termijnen.map((r) => [r.wijk, WET_LABELS[r.wet], r.soort, r.afgerond, r.behaald, `${nl(r.percentage)}%`])} />
          </Section>
          <Section title="Besluiten" empty={!o.besluiten.length}>
            <SimpleTable head={['Wijk', 'Wet', 'Soort', 'Aantal']} rows={o.besluiten.map((r) => [r.wijk, WET_LABELS[r.wet], SOORT_LABELS[r.soort] ?? r.soort, r.aantal])} />
          </Section>
          <Section title="Voorzieningen" empty={!o.voorzieningen.length}>
            <SimpleTable head={['Wijk', 'Wet', 'Categorie', 'Levering', 'Aantal', 'Budget']}
              rows={o.voorzieningen.map((r) => [r.wijk, WET_LABELS[r.wet], `${r.productcategorie} ${r.productcategorieLabel}`, r.leveringsvorm, r.aantal, r.budgetCents ? fmtEuro(r.budgetCents) : '–'])}
              caption={`PGB-budget totaal: ${fmtEuro(o.voorzieningen.filter((r) => r.leveringsvorm === 'PGB').reduce((s, r) => s + r.budgetCents, 0))}`} />
          </Section>
          <Section title={`Herindicatie: indicaties die de komende ${maanden} maanden aflopen`} empty={!o.herindicatie.length}>
            <SimpleTable head={['Maand', 'Wijk', 'Wet', 'Aantal']} rows={o.herindicatie.map((r) => [r.maand, r.wijk, WET_LABELS[r.wet], r.aantal])} />
          </Section>
        </>
      )}
    </>
  );
}
