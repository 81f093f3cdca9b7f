/**
 * TensorBoard event files: {@link dev.nn.io.tensorboard.SummaryWriter} logs scalars, histograms,
 * images and text the way {@code tf.summary} does, {@link dev.nn.io.tensorboard.EventFileWriter}
 * frames the events as TFRecords, and {@link dev.nn.io.tensorboard.EventFileReader} reads them
 * back with every checksum verified. The protos in {@code dev.nn.io.tensorboard.proto} are
 * generated at build time from nn's own subset of TensorFlow's event, summary and tensor messages,
 * with TensorFlow's field numbers.
 */
package dev.nn.io.tensorboard;
