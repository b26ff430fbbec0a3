export * from './complaint.entity';
export * from './complaint-reference';
export * from './complaint-status';
export * from './complaint-input';
export * from './complaint.service';
export * from './complaint.exception';
export * from './complaints.module';
export * from './complaint-urgency';
