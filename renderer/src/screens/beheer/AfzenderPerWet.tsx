import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { AFZENDER_WETTEN, type SettingsSchema } from '../../../../shared/schemas/admin';
import { errorAt } from '../../ui';

/**
 * In the settings form: the department under the gemeente's name, and per law its own sender
 * (afdeling, e-mail, functie of the signer). A Jeugdwet or Participatiewet letter is refused while
 * its sender names the Wmo, so a letterhead set up for the Wmo-loket needs one here.
 */

type Form = UseFormReturn<z.input<typeof SettingsSchema>, unknown, z.output<typeof SettingsSchema>>;
const WET: Record<(typeof AFZENDER_WETTEN)[number], string> = { wmo: 'Wmo', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet' };

export function AfzenderPerWet({ form }: { form: Form }) {
  const e = form.formState.errors;
  return (
    <Fieldset legend="Afzender per wet">
      <Text size="sm" mb="xs">
        Leeg laten: de algemene gegevens hierboven. Een brief over de Jeugdwet of de Participatiewet noemt nooit de Wmo; noemt het briefhoofd de Wmo (bijv. wmo@… of &quot;teamleider Wmo&quot;), vul dan hier de afzender voor die wet in.
      </Text>
      <TextInput label="Afdeling op alle brieven" description="Staat in het briefhoofd; een afdeling per wet hieronder gaat voor" maw={420} mb="sm" {...form.register('afdeling')} error={errorAt(e, 'afdeling')} />
      {AFZENDER_WETTEN.map((w) => (
        <SimpleGrid key={w} cols={3} mb="xs">
          <TextInput label={`Afdeling (${WET[w]})`} {...form.register(`afzenderPerWet.${w}.afdeling`)} error={errorAt(e, `afzenderPerWet.${w}.afdeling`)} />
          <TextInput label={`E-mail (${WET[w]})`} type="email" {...form.register(`afzenderPerWet.${w}.email`)} error={errorAt(e, `afzenderPerWet.${w}.email`)} />
          <TextInput label={`Functie ondertekenaar (${WET[w]})`} {...form.register(`afzenderPerWet.${w}.functie`)} error={errorAt(e, `afzenderPerWet.${w}.functie`)} />
        </SimpleGrid>
      ))}
    </Fieldset>
  );
}
