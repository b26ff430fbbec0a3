export * from './occupancy-input';
export * from './occupancy-report.entity';
export * from './occupancy.exception';
export * from './occupancy.repository';
export * from './occupancy.service';
export * from './occupancy.module';
