import { Anchor, Button, Chip, Group, NativeSelect, Switch, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { memo, useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import {
  WERKVOORRAAD_FASEN, WERKVOORRAAD_KOLOMMEN, WERKVOORRAAD_TERMIJNEN, type WerkvoorraadPageQuery,
} from '../../../shared/ipc/desk-channels';
import { WET_LABELS, WETTEN, type WerkvoorraadItem } from '../../../shared/schemas/zaak';
import { useLoad } from '../api';
import { useT } from '../i18n';
import { hasRole, useSession } from '../session';
import { LoadError, Pager, TermijnBadge, WideTable } from '../ui';

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

const defaultFilters = (consulent: boolean): Filters => ({ mine: consulent, perPagina: 25 });

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
  const [filters, setFilters] = useState<Filters>(() => loadSaved(user.username, defaultFilters(consulent)));
  const [zoek, setZoek] = useState('');
  const [zoekDebounced] = useDebouncedValue(zoek, 250);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'uiterlijk', desc: false }]);
  // Any change of filter, search or sort starts at page 1: the page belongs to the filters it was
  // chosen under (derived in the same render, so a sort on page 9 asks the router once, not twice).
  const filterKey = JSON.stringify([filters, zoekDebounced, sorting]);
  const [paged, setPaged] = useState({ key: filterKey, pagina: 1 });
  const pagina = paged.key === filterKey ? paged.pagina : 1;
  const setPagina = useCallback((p: number) => setPaged({ key: filterKey, pagina: p }), [filterKey]);
  const [savedMsg, setSavedMsg] = useState<string | null>(null);
  const sort = sorting[0] ?? { id: 'uiterlijk', desc: false };
  const query: WerkvoorraadPageQuery = {
    zoek: zoekDebounced, ...(filters.mine ? { consulentId: user.id } : {}), fase: filters.fase, wet: filters.wet, wijk: filters.wijk, termijn: filters.termijn,
    sorteer: sort.id as Kolom, richting: sort.desc ? 'af' : 'op', pagina, perPagina: filters.perPagina,
  };
  const { data, error, loading } = useLoad('werkvoorraad.page', query);
  const set = useCallback((patch: Partial<Filters>) => { setSavedMsg(null); setFilters((f) => ({ ...f, ...patch })); }, []);

  const saveFilters = useCallback(() => {
    localStorage.setItem(savedKey(user.username), JSON.stringify(filters));
    setSavedMsg('Deze filters zijn bewaard: u ziet ze voortaan als u de werkvoorraad opent.');
  }, [user.username, filters]);
  const resetFilters = useCallback(() => {
    localStorage.removeItem(savedKey(user.username));
    setFilters(defaultFilters(consulent));
    setZoek('');
    setSavedMsg(null);
  }, [user.username, consulent]);

  const c = data?.tellingen;
  const from = data && data.totaal > 0 ? (data.pagina - 1) * data.perPagina + 1 : 0;
  const to = data ? Math.min(data.totaal, data.pagina * data.perPagina) : 0;
  const pages = data ? Math.max(1, Math.ceil(data.totaal / data.perPagina)) : 1;
  return (
    <>
      <Title order={1} size="h2" mb="xs">{t('navWerkvoorraad')}</Title>
      {c && <Tellingen tellingen={c} termijn={filters.termijn} fase={filters.fase} set={set} />}
      <FilterBar zoek={zoek} setZoek={setZoek} filters={filters} set={set} wijken={data?.wijken ?? null} consulent={consulent}
        save={saveFilters} reset={resetFilters} />
      {savedMsg && <Text size="sm" role="status" mb="xs">{savedMsg}</Text>}
      <LoadError error={error} />
      {loading && !data ? <Text>{t('loading')}</Text> : data && (
        <>
          <WideTable label="Zaken in de werkvoorraad">
          <WerkvoorraadTable items={data.items} busy={loading} sorting={sorting} onSortingChange={setSorting}
            caption={data.totaal === 0 ? 'Geen zaken gevonden met deze filters.' : `Zaken ${from}–${to} van ${data.totaal}`} />
          </WideTable>
          <Group justify="space-between" mt="sm">
            <Pager total={pages} value={data.pagina} onChange={setPagina} />
            <NativeSelect label="Rijen per pagina" value={String(filters.perPagina)} onChange={(e) => set({ perPagina: Number(e.currentTarget.value) })}
              data={['25', '50', '100']} w={140} />
          </Group>
        </>
      )}
    </>
  );
}

/** The counts per term and phase, each a filter; drawn again only when a count or the choice changes. */
const Tellingen = memo(function Tellingen({ tellingen: c, termijn, fase, set }: {
  tellingen: NonNullable<ReturnType<typeof useLoad<'werkvoorraad.page'>>['data']>['tellingen'];
  termijn: Filters['termijn']; fase: Filters['fase']; set: (patch: Partial<Filters>) => void;
}) {
  return (
    <section aria-label="Tellingen" style={{ marginBottom: 12 }}>
      <Group gap="xs" mb={6}>
        <Text size="sm" fw={600} w={70}>Termijn</Text>
        <Chip.Group value={termijn ?? ''} onChange={(v) => set({ termijn: (v || undefined) as Filters['termijn'] })}>
          <Chip value="" size="sm">Alle open ({c.open})</Chip>
          {WERKVOORRAAD_TERMIJNEN.map((k) => <Chip key={k} value={k} size="sm">{TERMIJN_LABELS[k]} ({c.termijn[k]})</Chip>)}
        </Chip.Group>
      </Group>
      <Group gap="xs">
        <Text size="sm" fw={600} w={70}>Fase</Text>
        <Chip.Group value={fase ?? ''} onChange={(v) => set({ fase: (v || undefined) as Filters['fase'] })}>
          <Chip value="" size="sm">Alle fasen</Chip>
          {WERKVOORRAAD_FASEN.map((k) => <Chip key={k} value={k} size="sm">{FASE_LABELS[k]} ({c.fase[k]})</Chip>)}
        </Chip.Group>
      </Group>
    </section>
  );
}, (a, b) => a.termijn === b.termijn && a.fase === b.fase && a.set === b.set && JSON.stringify(a.tellingen) === JSON.stringify(b.tellingen));

/** Search and filters; not drawn again while a page loads (the wijken are compared by value). */
const FilterBar = memo(function FilterBar({ zoek, setZoek, filters, set, wijken, consulent, save, reset }: {
  zoek: string; setZoek: (z: string) => void; filters: Filters; set: (patch: Partial<Filters>) => void;
  wijken: string[] | null; consulent: boolean; save: () => void; reset: () => void;
}) {
  const { t } = useT();
  return (
    <Group align="flex-end" mb="sm" gap="sm" wrap="wrap">
      <TextInput label="Zoeken in de werkvoorraad" description="Naam, BSN of kenmerk" value={zoek} onChange={(e) => setZoek(e.currentTarget.value)} w={260} />
      <NativeSelect label="Wet" value={filters.wet ?? ''} onChange={(e) => set({ wet: (e.currentTarget.value || undefined) as Filters['wet'] })}
        data={[{ value: '', label: 'Alle wetten' }, ...WETTEN.map((w) => ({ value: w, label: WET_LABELS[w] }))]} />
      <NativeSelect label="Wijk" value={filters.wijk ?? ''} onChange={(e) => set({ wijk: e.currentTarget.value || undefined })}
        data={[{ value: '', label: 'Alle wijken' }, ...(wijken ?? (filters.wijk ? [filters.wijk] : []))]} />
      {consulent && <Switch label={t('myCases')} checked={filters.mine} onChange={(e) => set({ mine: e.currentTarget.checked })} mb={8} />}
      <Button variant="subtle" onClick={save}>Filters bewaren</Button>
      <Button variant="subtle" onClick={reset}>Filters wissen</Button>
    </Group>
  );
}, (a, b) => a.zoek === b.zoek && a.filters === b.filters && a.set === b.set && a.consulent === b.consulent && a.save === b.save
  && a.reset === b.reset && a.setZoek === b.setZoek && (a.wijken ?? []).join('\u0000') === (b.wijken ?? []).join('\u0000'));

/**
 * The table: sort buttons in the header (the router sorts), one page of rows. While the next page
 * loads only `aria-busy` and the header change; the rows are drawn again only for a new answer.
 */
const WerkvoorraadTable = memo(function WerkvoorraadTable({ items, busy, sorting, onSortingChange, caption }: {
  items: WerkvoorraadItem[]; busy: boolean; sorting: SortingState;
  onSortingChange: Dispatch<SetStateAction<SortingState>>; caption: string;
}) {
  const table = useTable({
    features, columns: COLUMNS, data: items, manualSorting: true, enableSortingRemoval: false,
    state: { sorting }, onSortingChange: onSortingChange as (u: Updater<SortingState>) => void, getRowId: (r) => String(r.meldingId),
  });
  const head = table.getHeaderGroups();
  // Only a new answer from the router draws the rows again (not the busy flag or a header change).
  const body = useMemo(() => (
    <Table.Tbody>
      {table.getRowModel().rows.map((row) => (
        <Table.Tr key={row.id}>
          {row.getAllCells().map((cell) => <Table.Td key={cell.id}><table.FlexRender cell={cell} /></Table.Td>)}
        </Table.Tr>
      ))}
    </Table.Tbody>
  ), [items]);
  return (
    <Table striped highlightOnHover aria-busy={busy}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Thead>
        {head.map((hg) => (
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
      {body}
    </Table>
  );
});
