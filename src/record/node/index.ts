// Node-only sinks of the record layer: all-or-nothing directory writes, CSV, JSON and Parquet files.
export { writeDirAtomic, type OutputFile, type WriteDirOptions } from './write-dir.ts';
export { barsParquet, loadParquetWriter, tradesParquet } from './parquet.ts';
export { recordingFiles, writeRecording, type WriteRecordingOptions } from './write-recording.ts';
