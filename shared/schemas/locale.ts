import { z } from 'zod';

// Dutch messages for every zod issue that has no message of its own.
z.config(z.locales.nl());
