/**
 * Training pictures as PNG files, drawn with JFreeChart: learning curves, activation functions and
 * their derivatives, a learning-rate sweep and the decision regions of a 2-D classifier. They take
 * plain Java data and functions, so they need nothing from the model API. Rendering needs no
 * display ({@code java.awt.headless=true} works) but does need fonts installed.
 */
package dev.nn.io.plot;
