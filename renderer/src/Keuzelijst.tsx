import { Select, type SelectProps } from '@mantine/core';
import { useLoad } from './api';

/**
 * Pickers on the beheerder's pick lists (Beheer › Keuzelijsten): a wijk or an aanbieder is chosen,
 * never typed into existence. Typing filters the list (an aanbieder by name or AGB code); only
 * what the beheerder left switched on is offered.
 */
type PickProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null | undefined; onChange: (v: string | null) => void };

export function WijkSelect({ value, onChange, ...rest }: PickProps) {
  const { data } = useLoad('keuzelijst.wijken', {});
  const wijken = (data?.wijken ?? []).filter((w) => w.actief || w.naam === value).map((w) => w.naam);
  return (
    <Select label="Wijk" searchable clearable placeholder="Kies een wijk" nothingFoundMessage="Geen wijk met deze naam in de lijst van de beheerder"
      {...rest} data={value && !wijken.includes(value) ? [value, ...wijken] : wijken} value={value || null} onChange={onChange} />
  );
}

export function AanbiederSelect({ value, onChange, ...rest }: PickProps) {
  const { data } = useLoad('keuzelijst.aanbieders', {});
  const opties = (data?.aanbieders ?? []).filter((a) => a.actief || a.agbCode === value)
    .map((a) => ({ value: a.agbCode, label: `${a.naam} (AGB ${a.agbCode})` }));
  return (
    <Select label="Aanbieder" description="Typ de naam of de AGB-code" searchable clearable selectFirstOptionOnChange
      placeholder="Kies een aanbieder" nothingFoundMessage="Geen aanbieder met deze naam of AGB-code in de lijst van de beheerder"
      {...rest} data={opties} value={value || null} onChange={onChange} />
  );
}
