import { Anchor, Button, Chip, Group, NativeSelect, Pagination, Switch, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import {
  WERKVOORRAAD_FASEN, WERKVOORRAAD_KOLOMMEN, WERKVOORRAAD_TERMIJNEN, type WerkvoorraadPageQuery,
} from '../../../shared/ipc/desk-channels';
import { WET_LABELS, WETTEN, type WerkvoorraadItem } from '../../../shared/schemas/zaak';
import { useLoad } from '../api';
import { useT } from '../i18n';
import { hasRole, useSession } from '../session';
import { LoadError, TermijnBadge } from '../ui';

const FASE_LABELS: Record<(typeof WERKVOORRAAD_FASEN)[number], string> = {
  onderzoek: 'Onderzoek', aanvraag: 'Aanvraag', beschikking: 'Beschikking', accordering: 'Accordering', verzending: 'Verzending',
};
const TERMIJN_LABELS: Record<(typeof WERKVOORRAAD_TERMIJNEN)[number], string> = {
  verlopen: 'Verlopen', deze_week: 'Verloopt deze week', op_tijd: 'Op tijd', opgeschort: 'Opgeschort', geen: 'Geen termijn',
};
type Kolom = (typeof WERKVOORRAAD_KOLOMMEN)[number];
type Filters = Pick<WerkvoorraadPageQuery, 'fase' | 'wet' | 'wijk' | 'termijn'> & { mine: boolean; perPagina: number };

const features = tableFeatures({ rowSortingFeature });
const col = createColumnHelper<typeof features, WerkvoorraadItem>();
const COLUMNS = col.columns([
  col.accessor('termijn', { id: 'uiterlijk', header: 'Termijn', cell: (c) => <TermijnBadge termijn={c.getValue()} /> }),
  col.accessor('kenmerk', { id: 'kenmerk', header: 'Kenmerk', cell: (c) => <Anchor href={`#/melding/${c.row.original.meldingId}`}>{c.getValue()}</Anchor> }),
  col.accessor('clientNaam', { id: 'client', header: 'Cliënt', cell: (c) => <Anchor href={`#/client/${c.row.original.clientId}`}>{c.getValue()}</Anchor> }),
  col.accessor('wet', { id: 'wet', header: 'Wet', cell: (c) => WET_LABELS[c.getValue()] }),
  col.accessor('fase', { id: 'fase', header: 'Fase', cell: (c) => FASE_LABELS[c.getValue() as keyof typeof FASE_LABELS] ?? c.getValue() }),
  col.accessor('wijk', { id: 'wijk', header: 'Wijk', cell: (c) => c.getValue() ?? '–' }),
  col.accessor('consulentNaam', { id: 'consulent', header: 'Consulent', cell: (c) => c.getValue() }),
]);

/** Saved per user on this computer: filters only, never the search text (it can be a name). */
function savedKey(username: string): string {
  return `loket.werkvoorraad.filters.${username}`;
}
function loadSaved(username: string, fallback: Filters): Filters {
  try {
    const raw = localStorage.getItem(savedKey(username));
    return raw ? { ...fallback, ...(JSON.parse(raw) as Partial<Filters>) } : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The werkvoorraad: counts per phase and term on top (each a filter), then a sortable, filterable,
 * searchable table paged by the router, so it stays fast with thousands of open cases.
 */
export function Werkvoorraad() {
  const { t } = useT();
  const { user } = useSession();
  const consulent = hasRole(user, 'consulent');
  const defaults: Filters = { mine: consulent, perPagina: 25 };
  const [filters, setFilters] = useState<Filters>(() => loadSaved(user.username, defaults));
  const [zoek, setZoek] = useState('');
  const [zoekDebounced] = useDebouncedValue(zoek, 250);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'uiterlijk', desc: false }]);
  const [pagina, setPagina] = useState(1);
  const [savedMsg, setSavedMsg] = useState<string | null>(null);
  const sort = sorting[0] ?? { id: 'uiterlijk', desc: false };
  const query: WerkvoorraadPageQuery = {
    zoek: zoekDebounced, ...(filters.mine ? { consulentId: user.id } : {}), fase: filters.fase, wet: filters.wet, wijk: filters.wijk, termijn: filters.termijn,
    sorteer: sort.id as Kolom, richting: sort.desc ? 'af' : 'op', pagina, perPagina: filters.perPagina,
  };
  const { data, error, loading } = useLoad('werkvoorraad.page', query);
  // Any change of filter, search or sort starts at page 1.
  const filterKey = JSON.stringify([filters, zoekDebounced, sorting]);
  useEffect(() => setPagina(1), [filterKey]);
  const set = (patch: Partial<Filters>) => { setSavedMsg(null); setFilters((f) => ({ ...f, ...patch })); };

  const rows = useMemo(() => data?.items ?? [], [data]);
  const table = useTable({
    features, columns: COLUMNS, data: rows, manualSorting: true, enableSortingRemoval: false,
    state: { sorting }, onSortingChange: setSorting, getRowId: (r) => String(r.meldingId),
  });

  const c = data?.tellingen;
  const from = data && data.totaal > 0 ? (data.pagina - 1) * data.perPagina + 1 : 0;
  const to = data ? Math.min(data.totaal, data.pagina * data.perPagina) : 0;
  const pages = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;
  return (
    <>
      <Title order={1} size="h2" mb="xs">{t('navWerkvoorraad')}</Title>
      {c && (
        <section aria-label="Tellingen" style={{ marginBottom: 12 }}>
          <Group gap="xs" mb={6}>
            <Text size="sm" fw={600} w={70}>Termijn</Text>
            <Chip.Group value={filters.termijn ?? ''} onChange={(v) => set({ termijn: (v || undefined) as Filters['termijn'] })}>
              <Chip value="" size="sm">Alle open ({c.open})</Chip>
              {WERKVOORRAAD_TERMIJNEN.map((k) => <Chip key={k} value={k} size="sm">{TERMIJN_LABELS[k]} ({c.termijn[k]})</Chip>)}
            </Chip.Group>
          </Group>
          <Group gap="xs">
            <Text size="sm" fw={600} w={70}>Fase</Text>
            <Chip.Group value={filters.fase ?? ''} onChange={(v) => set({ fase: (v || undefined) as Filters['fase'] })}>
              <Chip value="" size="sm">Alle fasen</Chip>
              {WERKVOORRAAD_FASEN.map((k) => <Chip key={k} value={k} size="sm">{FASE_LABELS[k]} ({c.fase[k]})</Chip>)}
            </Chip.Group>
          </Group>
        </section>
      )}
      <Group align="flex-end" mb="sm" gap="sm" wrap="wrap">
        <TextInput label="Zoeken in de werkvoorraad" description="Naam, BSN of kenmerk" value={zoek} onChange={(e) => setZoek(e.currentTarget.value)} w={260} />
        <NativeSelect label="Wet" value={filters.wet ?? ''} onChange={(e) => set({ wet: (e.currentTarget.value || undefined) as Filters['wet'] })}
          data={[{ value: '', label: 'Alle wetten' }, ...WETTEN.map((w) => ({ value: w, label: WET_LABELS[w] }))]} />
        <NativeSelect label="Wijk" value={filters.wijk ?? ''} onChange={(e) => set({ wijk: e.currentTarget.value || undefined })}
          data={[{ value: '', label: 'Alle wijken' }, ...(data?.wijken ?? (filters.wijk ? [filters.wijk] : []))]} />
        {consulent && <Switch label={t('myCases')} checked={filters.mine} onChange={(e) => set({ mine: e.currentTarget.checked })} mb={8} />}
        <Button variant="subtle" onClick={() => {
          localStorage.setItem(savedKey(user.username), JSON.stringify(filters));
          setSavedMsg('Deze filters zijn bewaard: u ziet ze voortaan als u de werkvoorraad opent.');
        }}>Filters bewaren</Button>
        <Button variant="subtle" onClick={() => { localStorage.removeItem(savedKey(user.username)); setFilters(defaults); setZoek(''); setSavedMsg(null); }}>Filters wissen</Button>
      </Group>
      {savedMsg && <Text size="sm" role="status" mb="xs">{savedMsg}</Text>}
      <LoadError error={error} />
      {loading && !data ? <Text>{t('loading')}</Text> : data && (
        <>
          <Table striped highlightOnHover aria-busy={loading}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {data.totaal === 0 ? 'Geen zaken gevonden met deze filters.' : `Zaken ${from}–${to} van ${data.totaal}`}
            </Table.Caption>
            <Table.Thead>
              {table.getHeaderGroups().map((hg) => (
                <Table.Tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const s = h.column.getIsSorted();
                    return (
                      <Table.Th key={h.id} scope="col" aria-sort={s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : undefined}>
                        <UnstyledButton onClick={h.column.getToggleSortingHandler()} style={{ fontWeight: 700, fontSize: 'inherit' }}>
                          <table.FlexRender header={h} />
                          <span aria-hidden="true">{s === 'asc' ? ' ▲' : s === 'desc' ? ' ▼' : ' ⇅'}</span>
                        </UnstyledButton>
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Table.Tr key={row.id}>
                  {row.getAllCells().map((cell) => <Table.Td key={cell.id}><table.FlexRender cell={cell} /></Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="sm">
            <Pagination total={pages} value={data.pagina} onChange={setPagina} aria-label="Pagina's"
              getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Vorige pagina' : control === 'next' ? 'Volgende pagina' : control === 'first' ? 'Eerste pagina' : 'Laatste pagina' })}
              getItemProps={(p) => ({ 'aria-label': `Pagina ${p}`, 'aria-current': p === data.pagina ? 'page' : undefined })} />
            <NativeSelect label="Rijen per pagina" value={String(filters.perPagina)} onChange={(e) => set({ perPagina: Number(e.currentTarget.value) })}
              data={['25', '50', '100']} w={140} />
          </Group>
        </>
      )}
    </>
  );
}
