package io.pollwatt.verification.steps;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The scenario catalogue of scenario-specs ({@code features/}) on the JUnit Platform, so {@code mvn verify} runs it.
 * Scenarios tagged {@code @slow} (long runs) or {@code @gap} (expectations the reference platform does not meet yet)
 * are left out here.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features") // not @SelectClasspathResource: Cucumber warns for a folder
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.pollwatt.verification.steps")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @slow and not @gap")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary")
class ScenarioCatalogueTest {}
