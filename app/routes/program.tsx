import { useLoaderData } from 'react-router';
import { figuresOf } from '../../src/modules/intake/index.ts';
import { selectProgram } from '../../src/modules/programs/index.ts';
import { PageTitle } from '../../src/platform/ui/page.tsx';
import { pageLoader } from '../../src/platform/ui/route.server.ts';
import { isAllowed } from '../../src/wiring/authorize.ts';
import { ProgramPresentation, presentProgram } from '../program-presentation.tsx';

/** One program's public page (`/programs/{slug}`), with its live figures and where to start. */
export const loader = pageLoader(async ({ ctx, params }) => {
  const program = await selectProgram(ctx, params.slug ?? '');
  return {
    program: presentProgram(await figuresOf(ctx, program, ctx.locale), ctx.locale),
    applicant: ctx.actor.kind === 'anonymous' || isAllowed(ctx.actor, 'application.create'),
    signedIn: ctx.actor.kind === 'user',
  };
});

export default function ProgramPage() {
  const { program, applicant, signedIn } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title={program.name}>{program.name}</PageTitle>
      <ProgramPresentation program={program} applicant={applicant} signedIn={signedIn} />
    </div>
  );
}
