export * from './inspection.entities';
export * from './inspection-status';
export * from './certification-port';
export * from './inspection-planning.port';
export * from './inspection.service';
export * from './finding.service';
export * from './overdue-findings.processor';
export * from './inspections.module';
