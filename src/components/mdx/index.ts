/** The components every MDX post can use without importing them (passed to <Content components>). */
import Callout from './Callout.astro';
import Derivation from './Derivation.astro';
import Figure from './Figure.astro';
import PaperCard from './PaperCard.astro';

import type { MdxComponentName } from '../../lib/writing-blocks.ts';

export const mdxComponents = { Callout, Derivation, Figure, PaperCard } satisfies Record<MdxComponentName, unknown>;
