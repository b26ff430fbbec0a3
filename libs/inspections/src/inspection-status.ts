import type { InspectionStatus } from './inspection.entities';

/** The only moves an inspection makes: gepland → in-uitvoering → ingediend → besloten. */
const NEXT: Record<InspectionStatus, InspectionStatus | null> = {
  gepland: 'in-uitvoering',
  'in-uitvoering': 'ingediend',
  ingediend: 'besloten',
  besloten: null,
};

export function canMove(from: InspectionStatus, to: InspectionStatus): boolean {
  return NEXT[from] === to;
}

/** Answers and evidence may change until submission; after that they are frozen. */
export function isOpenForAnswers(status: InspectionStatus): boolean {
  return status === 'gepland' || status === 'in-uitvoering';
}
