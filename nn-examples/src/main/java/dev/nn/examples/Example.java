package dev.nn.examples;

/** One runnable part of the chapter. */
interface Example {

    /** The name given to {@code nn run NAME}. */
    String name();

    /** One line for {@code nn examples}. */
    String description();

    void run(ExampleContext context) throws Exception;
}
